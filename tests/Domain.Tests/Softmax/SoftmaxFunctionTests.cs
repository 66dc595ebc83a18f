using SigmoidService.Domain.Common;
using SigmoidService.Domain.Softmax;

namespace SigmoidService.Domain.Tests.Softmax;

public sealed class SoftmaxFunctionTests
{
    [Fact]
    public void Evaluate_EqualHugeNegativeLogits_IsUniform()
    {
        var result = SoftmaxFunction.Evaluate([-10000.0, -10000.0]);

        Assert.Equal([0.5, 0.5], result.Probabilities);
        Assert.Equal(-Math.Log(2.0), result.LogProbabilities[0], 1e-16);
    }

    [Fact]
    public void Evaluate_SmallLogits_MatchesDefinition()
    {
        double[] logits = [1.0, 2.0, 3.0];
        var sum = logits.Sum(Math.Exp);

        var result = SoftmaxFunction.Evaluate(logits);

        for (var i = 0; i < logits.Length; i++)
        {
            Assert.Equal(Math.Exp(logits[i]) / sum, result.Probabilities[i], 1e-15);
            Assert.Equal(logits[i] - Math.Log(sum), result.LogProbabilities[i], 1e-15);
        }
    }

    [Fact]
    public void Evaluate_Temperature_DividesLogits()
    {
        var hot = SoftmaxFunction.Evaluate([0.0, Math.Log(4.0)], temperature: 2.0);

        Assert.Equal(1.0 / 3.0, hot.Probabilities[0], 1e-15);
        Assert.Equal(2.0 / 3.0, hot.Probabilities[1], 1e-15);
    }

    [Fact]
    public void Evaluate_DominantLogit_KeepsTinyLogProbability()
    {
        var result = SoftmaxFunction.Evaluate([0.0, -50.0]);

        // log p_0 = -log(1 + e^-50) = -1.9287498479639178e-22 to double precision.
        Assert.Equal(-1.9287498479639178e-22, result.LogProbabilities[0], 1e-37);
        Assert.Equal(1.0, result.Probabilities[0]);
    }

    [Fact]
    public void Evaluate_InfiniteLogits_AreLimits()
    {
        var positive = SoftmaxFunction.Evaluate([double.PositiveInfinity, 1.0, double.PositiveInfinity]);
        var negative = SoftmaxFunction.Evaluate([double.NegativeInfinity, 0.0]);
        var allNegative = SoftmaxFunction.Evaluate([double.NegativeInfinity, double.NegativeInfinity]);

        Assert.Equal([0.5, 0.0, 0.5], positive.Probabilities);
        Assert.Equal(double.NegativeInfinity, positive.LogProbabilities[1]);
        Assert.Equal([0.0, 1.0], negative.Probabilities);
        Assert.Equal([double.NegativeInfinity, 0.0], negative.LogProbabilities);
        Assert.Equal([0.5, 0.5], allNegative.Probabilities);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Evaluate_InvalidTemperature_Throws(double temperature)
    {
        var exception = Assert.Throws<InvalidInputException>(() => SoftmaxFunction.Evaluate([1.0], temperature));

        Assert.Equal("temperature", exception.Field);
    }

    [Fact]
    public void Evaluate_NaNLogit_ThrowsNamingIndex()
    {
        var exception = Assert.Throws<InvalidInputException>(() => SoftmaxFunction.Evaluate([1.0, double.NaN]));

        Assert.Equal("logits[1]", exception.Field);
    }

    [Fact]
    public void Evaluate_Empty_Throws()
    {
        var exception = Assert.Throws<InvalidInputException>(() => SoftmaxFunction.Evaluate([]));

        Assert.Equal("logits", exception.Field);
    }
}
