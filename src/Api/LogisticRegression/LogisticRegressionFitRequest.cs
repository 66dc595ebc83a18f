using System.Text.Json;
using SigmoidService.Domain.LogisticRegression;

namespace SigmoidService.Api.LogisticRegression;

/// <summary>A fit request: one row of features and one label per observation, optional weights and options.</summary>
public sealed record LogisticRegressionFitRequest(
    double[][]? Features,
    LabelValue[]? Labels,
    double[]? SampleWeights = null,
    LogisticRegressionFitOptions? Options = null);

/// <summary>Fit options; absent fields take scikit-learn's defaults (tolerance 1e-8).</summary>
public sealed record LogisticRegressionFitOptions(
    LogisticPenalty? Penalty = null,
    double? C = null,
    bool? FitIntercept = null,
    JsonElement? ClassWeight = null,
    int? MaxIterations = null,
    double? Tolerance = null);
