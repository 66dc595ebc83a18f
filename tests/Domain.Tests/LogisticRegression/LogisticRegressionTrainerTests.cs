using SigmoidService.Domain.Common;
using SigmoidService.Domain.LogisticRegression;

namespace SigmoidService.Domain.Tests.LogisticRegression;

public sealed class LogisticRegressionTrainerTests
{
    private static readonly FeatureMatrix Small = new([0.5, 1.0, -0.3, 0.2, 1.4, -0.7, -1.1, 0.4, 0.9, 0.1, -0.6, -1.5], 6, 2);
    private static readonly int[] SmallLabels = [1, 0, 1, 0, 1, 0];

    [Fact]
    public void Fit_OneClass_ThrowsUnprocessable()
    {
        var error = Assert.Throws<UnprocessableInputException>(() =>
            LogisticRegressionTrainer.Fit(Small, [1, 1, 1, 1, 1, 1], null, new LogisticRegressionOptions()));

        Assert.Equal("labels", error.Field);
    }

    [Fact]
    public void Fit_LabelCountMismatch_NamesLabels()
    {
        var error = Assert.Throws<InvalidInputException>(() =>
            LogisticRegressionTrainer.Fit(Small, [1, 0, 1], null, new LogisticRegressionOptions()));

        Assert.Equal("labels", error.Field);
    }

    [Fact]
    public void Fit_LabelTwo_NamesIndex()
    {
        var error = Assert.Throws<InvalidInputException>(() =>
            LogisticRegressionTrainer.Fit(Small, [1, 0, 2, 0, 1, 0], null, new LogisticRegressionOptions()));

        Assert.Equal("labels[2]", error.Field);
    }

    [Theory]
    [InlineData(0.0, "options.c")]
    [InlineData(-1.0, "options.c")]
    [InlineData(double.PositiveInfinity, "options.c")]
    public void Fit_InvalidC_NamesField(double c, string field)
    {
        var error = Assert.Throws<InvalidInputException>(() =>
            LogisticRegressionTrainer.Fit(Small, SmallLabels, null, new LogisticRegressionOptions { C = c }));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Fit_NegativeWeight_NamesIndex()
    {
        var error = Assert.Throws<InvalidInputException>(() =>
            LogisticRegressionTrainer.Fit(Small, SmallLabels, [1, 1, 1, -0.5, 1, 1], new LogisticRegressionOptions()));

        Assert.Equal("sampleWeights[3]", error.Field);
    }

    [Fact]
    public void Fit_ZeroWeightOnOneClass_ThrowsUnprocessable()
    {
        Assert.Throws<UnprocessableInputException>(() =>
            LogisticRegressionTrainer.Fit(Small, SmallLabels, [0, 1, 0, 1, 0, 1], new LogisticRegressionOptions()));
    }

    [Fact]
    public void Fit_NaNFeature_NamesCell()
    {
        var values = (double[])Small.Values.Clone();
        values[5] = double.NaN;

        var error = Assert.Throws<InvalidInputException>(() =>
            LogisticRegressionTrainer.Fit(new FeatureMatrix(values, 6, 2), SmallLabels, null, new LogisticRegressionOptions()));

        Assert.Equal("features[2][1]", error.Field);
    }

    [Fact]
    public void Fit_OneIteration_WarnsAboutMaxIterations()
    {
        var fit = LogisticRegressionTrainer.Fit(Small, SmallLabels, null, new LogisticRegressionOptions { MaxIterations = 1 });

        Assert.False(fit.Converged);
        Assert.Equal(1, fit.Iterations);
        Assert.Contains(fit.Warnings, w => w.Contains("maxIterations (1)", StringComparison.Ordinal));
    }

    [Fact]
    public void Fit_ZeroWeightRows_EqualFitWithoutThem()
    {
        var weighted = LogisticRegressionTrainer.Fit(Small, SmallLabels, [1, 1, 1, 1, 0, 0], new LogisticRegressionOptions());
        var dropped = LogisticRegressionTrainer.Fit(new FeatureMatrix(Small.Values[..8], 4, 2), SmallLabels[..4], null, new LogisticRegressionOptions());

        for (var j = 0; j < 2; j++)
        {
            Assert.Equal(dropped.Model.Coefficients[j], weighted.Model.Coefficients[j], 12);
        }

        Assert.Equal(dropped.Model.Intercept, weighted.Model.Intercept, 12);
    }

    [Fact]
    public void Fit_ManyFeatures_LbfgsMatchesNewtonOptimum()
    {
        // 1100 features exceed the Newton limit; the same problem on the first 1000 columns padded with
        // zero columns has the same optimum, and the zero columns get zero coefficients under L2.
        const int rows = 60;
        const int wide = 1100;
        var random = new Random(5);
        var values = new double[rows * wide];
        var labels = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < 40; j++)
            {
                values[(i * wide) + j] = (random.NextDouble() * 2) - 1;
            }

            labels[i] = values[i * wide] + (0.5 * values[(i * wide) + 1]) + ((random.NextDouble() - 0.5) * 0.8) > 0 ? 1 : 0;
        }

        var narrow = new double[rows * 40];
        for (var i = 0; i < rows; i++)
        {
            Array.Copy(values, i * wide, narrow, i * 40, 40);
        }

        var options = new LogisticRegressionOptions { C = 0.5, MaxIterations = 2000, Tolerance = 1e-10 };
        var lbfgs = LogisticRegressionTrainer.Fit(new FeatureMatrix(values, rows, wide), labels, null, options);
        var newton = LogisticRegressionTrainer.Fit(new FeatureMatrix(narrow, rows, 40), labels, null, options);

        Assert.Equal("lbfgs", lbfgs.Solver);
        Assert.Equal("newton", newton.Solver);
        Assert.True(lbfgs.Converged);
        for (var j = 0; j < 40; j++)
        {
            Assert.Equal(newton.Model.Coefficients[j], lbfgs.Model.Coefficients[j], 6);
        }

        Assert.Equal(0.0, lbfgs.Model.Coefficients[wide - 1]);
        Assert.Equal(newton.Model.Intercept, lbfgs.Model.Intercept, 6);
    }

    [Fact]
    public void ClassWeighting_Balanced_UsesRowCounts()
    {
        var (negative, positive) = ClassWeighting.Balanced.Resolve(negativeCount: 90, positiveCount: 10);

        Assert.Equal(100.0 / 180.0, negative, 15);
        Assert.Equal(100.0 / 20.0, positive, 15);
    }
}
