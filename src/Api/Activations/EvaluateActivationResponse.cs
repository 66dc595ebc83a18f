using SigmoidService.Domain.Activations;

namespace SigmoidService.Api.Activations;

/// <summary>
/// Values and derivatives at the requested points. In single precision, x, values and derivatives hold the
/// binary32 numbers written as doubles (exactly those values).
/// </summary>
public sealed record EvaluateActivationResponse(
    string Activation,
    Precision Precision,
    IReadOnlyDictionary<string, double> Parameters,
    double[] X,
    double[] Values,
    double[] Derivatives);
