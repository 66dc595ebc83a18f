using System.ComponentModel.DataAnnotations;

namespace SigmoidService.Api.LogisticRegression;

/// <summary>Limits of logistic-regression fits, bound from the <c>LogisticRegression</c> configuration section.</summary>
public sealed class LogisticRegressionLimitsOptions
{
    public const string SectionName = "LogisticRegression";

    /// <summary>
    /// Wall-clock time after which a fit is abandoned with a 422. Sizes are bounded by the request limits,
    /// but maxIterations times a 1000-parameter Newton step could still run for minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FitTimeLimit { get; set; } = TimeSpan.FromSeconds(60);
}
