namespace SigmoidService.Inference.Models;

/// <summary>
/// Finds the model repository folder. An absolute path is used as it is. A relative one is tried against
/// the content root and each of its parents, then against the application folder and each of its parents,
/// so that the default <c>models</c> is found when the service runs from the repository root, from a
/// project folder, from a test's output folder, and in the container where it sits beside the application.
/// </summary>
public static class ModelRepositoryLocator
{
    /// <summary>Returns the first existing folder, or null; <paramref name="searched"/> lists every candidate tried.</summary>
    public static string? Find(string configuredPath, string? contentRoot, string applicationFolder, out IReadOnlyList<string> searched)
    {
        if (Path.IsPathFullyQualified(configuredPath))
        {
            searched = [configuredPath];
            return Directory.Exists(configuredPath) ? Path.GetFullPath(configuredPath) : null;
        }

        var candidates = new List<string>();
        foreach (var start in new[] { contentRoot, applicationFolder })
        {
            for (var folder = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.GetFullPath(Path.Combine(folder.FullName, configuredPath));
                if (candidates.Contains(candidate, StringComparer.Ordinal))
                {
                    continue;
                }

                candidates.Add(candidate);
                if (Directory.Exists(candidate))
                {
                    searched = candidates;
                    return candidate;
                }
            }
        }

        searched = candidates;
        return null;
    }
}
