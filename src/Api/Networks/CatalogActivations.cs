using SigmoidService.Api.Infrastructure;
using SigmoidService.Domain.Activations;
using SigmoidService.Domain.Networks;

namespace SigmoidService.Api.Networks;

/// <summary>Resolves an activation named in a request body to the catalogue's exact function and derivative.</summary>
internal static class CatalogActivations
{
    /// <summary>
    /// Returns the named activation with its parameters, or null after adding an error naming
    /// <paramref name="field"/> (an unknown name) or <c>parameters.NAME</c> (an invalid parameter).
    /// </summary>
    public static ScalarFunction? Resolve(string? name, IReadOnlyDictionary<string, double>? parameters, string field, RequestErrors errors)
    {
        var requested = name ?? "sigmoid";
        if (!ActivationCatalog.TryGet(requested, out var activation))
        {
            errors.Add(field, $"Unknown activation '{requested}'. Known activations: {string.Join(", ", ActivationCatalog.All.Select(entry => entry.Name))}.");
            return null;
        }

        // WithParameters throws InvalidInputException naming parameters.NAME, which becomes a 400.
        var configured = activation.WithParameters(parameters);
        return new ScalarFunction(configured.Name, configured.Value, configured.Derivative) { Evaluate = configured.Evaluate };
    }

    public static ScalarFunction Get(string name) =>
        ActivationCatalog.TryGet(name, out var activation)
            ? new ScalarFunction(activation.Name, activation.Value, activation.Derivative) { Evaluate = activation.Evaluate }
            : throw new InvalidOperationException($"The activation catalogue has no '{name}'.");
}
