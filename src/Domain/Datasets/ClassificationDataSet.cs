using SigmoidService.Domain.LogisticRegression;

namespace SigmoidService.Domain.Datasets;

/// <summary>A generated binary classification data set.</summary>
/// <param name="Features">The rows; columns are informative, redundant, repeated, then noise, in that order.</param>
/// <param name="Labels">0 or 1 per row.</param>
public sealed record ClassificationDataSet(FeatureMatrix Features, IReadOnlyList<int> Labels);
