namespace SigmoidService.Api.Datasets;

/// <summary>
/// Parameters of a synthetic classification data set, named as in scikit-learn's make_classification;
/// absent fields take its defaults. <c>Weights</c> is the negative-class share as a one-element array.
/// </summary>
public sealed record ClassificationDatasetRequest(
    int? Samples = null,
    int? Features = null,
    int? Informative = null,
    int? Redundant = null,
    int? Repeated = null,
    int? ClustersPerClass = null,
    double[]? Weights = null,
    double? FlipY = null,
    double? ClassSep = null,
    bool? Hypercube = null,
    double? Shift = null,
    double? Scale = null,
    bool? Shuffle = null,
    long? Seed = null);

/// <summary>The generated rows and their 0/1 labels, with the parameters used.</summary>
public sealed record ClassificationDatasetResponse(
    double[][] Features,
    int[] Labels,
    int Samples,
    int FeatureCount,
    int Informative,
    int Redundant,
    int Repeated,
    long Seed);
