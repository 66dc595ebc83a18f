namespace SigmoidService.Api.Activations;

/// <summary>One activation's values and derivatives on the comparison grid.</summary>
public sealed record ActivationSeries(string Activation, double[] Values, double[] Derivatives);
