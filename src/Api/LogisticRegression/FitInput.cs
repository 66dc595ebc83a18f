using SigmoidService.Domain.LogisticRegression;

namespace SigmoidService.Api.LogisticRegression;

/// <summary>A validated fit request, ready for the trainer.</summary>
public sealed record FitInput(FeatureMatrix Features, BinaryLabels Labels, double[]? SampleWeights, LogisticRegressionOptions Options);
