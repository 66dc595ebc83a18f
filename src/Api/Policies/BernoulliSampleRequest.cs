namespace SigmoidService.Api.Policies;

/// <summary>A sigmoid policy and the states to act in.</summary>
/// <param name="Weights">w, one per state feature.</param>
/// <param name="Bias">b; 0 when absent.</param>
/// <param name="States">The states, one row each, with one value per weight.</param>
/// <param name="Seed">The seed of the action draws; 1 when absent.</param>
public sealed record BernoulliSampleRequest(double[]? Weights, double? Bias, double[]?[]? States, long? Seed);
