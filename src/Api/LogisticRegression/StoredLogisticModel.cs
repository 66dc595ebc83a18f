using SigmoidService.Domain.LogisticRegression;

namespace SigmoidService.Api.LogisticRegression;

/// <summary>
/// A fitted model kept in the cache: the fit response, the model to predict with, and for one-feature
/// models the training points of the curve.
/// </summary>
public sealed record StoredLogisticModel(
    LogisticRegressionFitResponse Response,
    LogisticRegressionModel Model,
    double[]? TrainingX,
    int[]? TrainingTargets)
{
    /// <summary>Approximate size in bytes, the cache entry size.</summary>
    public long ApproximateBytes
    {
        get
        {
            var parameters = Response.Coefficients.Length + 1;
            var statistics = Response.Statistics is null ? 0 : parameters * 5 * sizeof(double);
            var points = (TrainingX?.Length ?? 0) * (sizeof(double) + sizeof(int) + 24);
            return 1024 + (parameters * 2 * sizeof(double)) + statistics + points;
        }
    }
}
