namespace SigmoidService.Api.Activations;

/// <summary>Several activations with their default parameters, sampled on one grid.</summary>
public sealed record ActivationComparisonResponse(double[] X, IReadOnlyList<ActivationSeries> Series);
