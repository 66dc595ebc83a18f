using SigmoidService.Domain.LogisticRegression;

namespace SigmoidService.Domain.Tests.LogisticRegression;

/// <summary>Checks the normal distribution against mpmath at 50 digits (normal-reference.json).</summary>
public sealed class NormalDistributionTests
{
    // Measured worst case is about 2e-15; the continued fraction accumulates a few roundings.
    private const double RelativeTolerance = 5e-15;

    [Fact]
    public void Erfc_ReferencePoints_MatchMpmath()
    {
        foreach (var point in ReferenceData.NormalReference.GetProperty("erfc").EnumerateArray())
        {
            var x = point.GetProperty("x").GetDouble();
            AssertRelative(point.GetProperty("value").GetDouble(), NormalDistribution.Erfc(x), $"erfc({x})");
        }
    }

    [Fact]
    public void UpperTail_ReferencePoints_MatchMpmath()
    {
        foreach (var point in ReferenceData.NormalReference.GetProperty("upperTail").EnumerateArray())
        {
            var x = point.GetProperty("x").GetDouble();
            AssertRelative(point.GetProperty("value").GetDouble(), NormalDistribution.UpperTail(x), $"Q({x})");
        }
    }

    [Fact]
    public void Quantile_ReferencePoints_MatchMpmath()
    {
        foreach (var point in ReferenceData.NormalReference.GetProperty("quantile").EnumerateArray())
        {
            var p = point.GetProperty("p").GetDouble();
            AssertRelative(point.GetProperty("value").GetDouble(), NormalDistribution.Quantile(p), $"quantile({p})");
        }
    }

    [Fact]
    public void Quantile_Bounds_AreInfinite()
    {
        Assert.Equal(double.NegativeInfinity, NormalDistribution.Quantile(0));
        Assert.Equal(double.PositiveInfinity, NormalDistribution.Quantile(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.Quantile(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.Quantile(double.NaN));
    }

    [Fact]
    public void TwoSidedPValue_Symmetric_AndNaNForNaN()
    {
        Assert.Equal(NormalDistribution.TwoSidedPValue(2.5), NormalDistribution.TwoSidedPValue(-2.5));
        Assert.Equal(1.0, NormalDistribution.TwoSidedPValue(0));
        Assert.True(double.IsNaN(NormalDistribution.TwoSidedPValue(double.NaN)));
        Assert.Equal(0.0, NormalDistribution.TwoSidedPValue(double.PositiveInfinity));
    }

    private static void AssertRelative(double expected, double actual, string what)
    {
        var error = expected == 0 ? Math.Abs(actual) : Math.Abs((actual - expected) / expected);
        Assert.True(error <= RelativeTolerance, $"{what}: expected {expected:R}, got {actual:R}, relative error {error:G3}");
    }
}
