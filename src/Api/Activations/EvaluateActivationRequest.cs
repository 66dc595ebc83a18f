using SigmoidService.Domain.Activations;

namespace SigmoidService.Api.Activations;

/// <summary>The body of POST /api/v1/activations/{name}/evaluate.</summary>
public sealed record EvaluateActivationRequest
{
    /// <summary>The points; "Infinity" and "-Infinity" are accepted, NaN is not.</summary>
    public double[]? X { get; init; }

    /// <summary>"double" (the default) or "single": single rounds inputs, parameters and results to binary32.</summary>
    public Precision? Precision { get; init; }

    /// <summary>Parameter values by name, such as {"alpha": 0.1}; missing parameters keep their defaults.</summary>
    public Dictionary<string, double>? Parameters { get; init; }
}
