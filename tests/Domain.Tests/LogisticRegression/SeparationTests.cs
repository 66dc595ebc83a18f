using SigmoidService.Domain.LogisticRegression;

namespace SigmoidService.Domain.Tests.LogisticRegression;

/// <summary>
/// Separated and singular data sets, where the maximum-likelihood estimate does not exist or is not unique
/// (statsmodels raises PerfectSeparationError on the first and reports huge finite standard errors on the
/// others); the fit must say so and report NaN statistics, not finite numbers.
/// </summary>
public sealed class SeparationTests
{
    private static readonly LogisticRegressionOptions Unpenalised = new() { Penalty = LogisticPenalty.None };

    [Fact]
    public void Fit_PerfectSeparation_WarnsAndReportsNaN()
    {
        var features = Column(-3, -2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2, 3);
        int[] labels = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];

        var fit = LogisticRegressionTrainer.Fit(features, labels, null, Unpenalised);

        Assert.Equal(SeparationKind.Perfect, fit.Separation);
        Assert.False(fit.Converged);
        Assert.Contains(fit.Warnings, w => w.Contains("Perfect separation", StringComparison.Ordinal));
        Assert.NotNull(fit.Statistics);
        Assert.All(fit.Statistics.StandardErrors, se => Assert.True(double.IsNaN(se)));
        Assert.All(fit.Statistics.PValues, p => Assert.True(double.IsNaN(p)));
        Assert.Equal(0.0, fit.Statistics.LogLikelihood);
        Assert.Equal(1.0, fit.TrainingMetrics.Accuracy);
    }

    [Fact]
    public void Fit_QuasiCompleteSeparation_WarnsAndReportsNaNForSeparatingFeature()
    {
        // Negatives have x0 <= 0 and positives x0 >= 0, with both classes at x0 = 0: quasi-complete
        // separation along x0. The second feature is noise that the points at x0 = 0 still determine.
        double[][] rows =
        [
            [-2, 0.3], [-1.5, -1.2], [-1, 0.8], [-0.5, -0.1], [0, 1.1], [0, -0.7], [0, 0.4], [0, -0.2],
            [0, 0.5], [0, -1.3], [0, 0.9], [0, -0.4], [0.5, 0.1], [1, -0.9], [1.5, 0.6], [2, -0.2],
        ];
        int[] labels = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1];

        var fit = LogisticRegressionTrainer.Fit(FeatureMatrix.FromRows(rows), labels, null, Unpenalised);

        Assert.Equal(SeparationKind.QuasiComplete, fit.Separation);
        Assert.Contains(fit.Warnings, w => w.Contains("Quasi-complete separation", StringComparison.Ordinal));
        Assert.NotNull(fit.Statistics);
        // Intercept first, then x0, which goes to infinity along the separating direction.
        Assert.True(double.IsNaN(fit.Statistics.StandardErrors[1]));
        Assert.True(double.IsNaN(fit.Statistics.ZValues[1]));
        Assert.True(double.IsNaN(fit.Statistics.ConfidenceIntervals[1].Lower));
        Assert.True(double.IsFinite(fit.Statistics.StandardErrors[2]));
    }

    [Fact]
    public void Fit_DuplicatedFeature_WarnsSingularAndReportsNaN()
    {
        double[][] rows =
        [
            [0.1, 0.1, 1.0], [0.7, 0.7, -0.3], [-0.4, -0.4, 0.8], [1.2, 1.2, 0.1], [-1.1, -1.1, -0.9],
            [0.3, 0.3, 0.4], [-0.2, -0.2, -1.4], [0.9, 0.9, 0.6], [-0.8, -0.8, 0.2], [1.5, 1.5, -0.5],
        ];
        int[] labels = [0, 1, 0, 1, 0, 1, 0, 0, 1, 1];

        var fit = LogisticRegressionTrainer.Fit(FeatureMatrix.FromRows(rows), labels, null, Unpenalised);

        Assert.Equal(SeparationKind.None, fit.Separation);
        Assert.Contains(fit.Warnings, w => w.Contains("singular", StringComparison.Ordinal));
        Assert.NotNull(fit.Statistics);
        Assert.True(double.IsNaN(fit.Statistics.StandardErrors[1]));
        Assert.True(double.IsNaN(fit.Statistics.StandardErrors[2]));
        Assert.True(double.IsFinite(fit.Statistics.StandardErrors[3]));
        // The duplicated pair is not determined, but its sum is: the fit still reaches a zero gradient.
        Assert.True(fit.GradientNorm < 1e-10, $"gradient {fit.GradientNorm}");
    }

    [Fact]
    public void Fit_PerfectSeparationWithL2_ConvergesWithoutWarning()
    {
        var features = Column(-3, -2, -1, 1, 2, 3);
        int[] labels = [0, 0, 0, 1, 1, 1];

        var fit = LogisticRegressionTrainer.Fit(features, labels, null, new LogisticRegressionOptions());

        Assert.True(fit.Converged);
        Assert.Empty(fit.Warnings);
        Assert.Equal(SeparationKind.None, fit.Separation);
        Assert.Null(fit.Statistics);
    }

    private static FeatureMatrix Column(params double[] values) => new(values, values.Length, 1);
}
