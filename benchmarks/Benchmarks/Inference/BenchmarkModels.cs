using System.Runtime.CompilerServices;
using SigmoidService.Inference.Models;

namespace SigmoidService.Benchmarks.Inference;

/// <summary>Loads the shipped models for benchmarks, with the service's session settings.</summary>
internal static class BenchmarkModels
{
    /// <summary>
    /// Finds the repository from <c>Inference__ModelRepositoryPath</c> when set, otherwise by searching upward
    /// from this source file, because BenchmarkDotNet runs each benchmark in a child process under the build
    /// output, which may lie outside the repository.
    /// </summary>
    public static OnnxModel Load(string name, int intraOpThreads, [CallerFilePath] string sourcePath = "")
    {
        var configured = Environment.GetEnvironmentVariable("Inference__ModelRepositoryPath") ?? "models";
        var root = ModelRepositoryLocator.Find(configured, Path.GetDirectoryName(sourcePath), AppContext.BaseDirectory, out var searched)
            ?? throw new InvalidOperationException(
                $"The models folder was not found (looked in {string.Join(", ", searched)}); set Inference__ModelRepositoryPath.");
        var options = new InferenceOptions { IntraOpThreads = intraOpThreads, InterOpThreads = 1 };
        return OnnxModel.Load(name, "1", Path.Combine(root, name, "1"), options);
    }
}
