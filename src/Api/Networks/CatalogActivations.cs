using System.Globalization;
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

        // A network feeds an activation pre-activations that can be any real number, so an activation
        // defined only on part of the line (logit on [0, 1]) would turn most of them into NaN.
        var domain = activation.Info.Domain;
        if (!double.IsNegativeInfinity(domain.Min) || !double.IsPositiveInfinity(domain.Max))
        {
            errors.Add(field, $"The activation '{activation.Name}' is defined on [{Format(domain.Min)}, {Format(domain.Max)}] only, "
                + "so it cannot take pre-activations, which can be any real number. Choose an activation defined on the whole line, such as sigmoid or tanh.");
            return null;
        }

        // WithParameters throws InvalidInputException naming parameters.NAME, which becomes a 400.
        var configured = activation.WithParameters(parameters);
        return new ScalarFunction(configured.Name, configured.Value, configured.Derivative) { Evaluate = configured.Evaluate };
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static ScalarFunction Get(string name) =>
        ActivationCatalog.TryGet(name, out var activation)
            ? new ScalarFunction(activation.Name, activation.Value, activation.Derivative) { Evaluate = activation.Evaluate }
            : throw new InvalidOperationException($"The activation catalogue has no '{name}'.");
}
