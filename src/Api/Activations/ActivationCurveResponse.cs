namespace SigmoidService.Api.Activations;

/// <summary>An evenly sampled curve of one activation and its derivative, from x[0] = from to x[^1] = to.</summary>
public sealed record ActivationCurveResponse(
    string Activation,
    IReadOnlyDictionary<string, double> Parameters,
    double[] X,
    double[] Values,
    double[] Derivatives);
