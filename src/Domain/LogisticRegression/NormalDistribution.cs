namespace SigmoidService.Domain.LogisticRegression;

/// <summary>
/// The standard normal distribution: the complementary error function, the cumulative distribution, its
/// upper tail and its quantile. They are accurate to a few units in the last place (within 5e-15
/// relative of mpmath at the tested points), including the far tails where 1 - CDF underflows.
/// </summary>
/// <remarks>
/// For |x| below 0.75 the error function comes from its power series with positive terms
/// (erf(x) = 2/sqrt(pi) exp(-x^2) sum 2^n x^(2n+1) / (1 * 3 * ... * (2n+1))). Above, erfc(x) comes from
/// Legendre's continued fraction for the upper incomplete gamma function, erfc(x) = Gamma(1/2, x^2)/sqrt(pi),
/// evaluated with the modified Lentz method. The factor exp(-x^2) is corrected for the rounding error of
/// x^2, which is what keeps the far tail accurate.
/// </remarks>
public static class NormalDistribution
{
    private const double SeriesLimit = 0.75;
    private const double InverseSqrtPi = 0.56418958354775628695;
    private const double InverseSqrtTwo = 0.70710678118654752440;
    private const double SqrtTwoPi = 2.50662827463100050242;

    /// <summary>The complementary error function erfc(x) = 1 - erf(x), defined for every x.</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        var square = x * x;
        var squareError = Math.FusedMultiplyAdd(x, x, -square);
        return x >= 0 ? ErfcOfNonNegative(x, square, squareError) : 2.0 - ErfcOfNonNegative(-x, square, squareError);
    }

    /// <summary>The error function erf(x).</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        var magnitude = Math.Abs(x);
        var value = magnitude < SeriesLimit ? ErfSeries(magnitude, magnitude * magnitude) : 1.0 - Erfc(magnitude);
        return Math.CopySign(value, x);
    }

    /// <summary>The cumulative distribution function P(Z &lt;= x).</summary>
    public static double Cdf(double x) => UpperTail(-x);

    /// <summary>The upper tail P(Z &gt; x) = 1 - CDF(x), accurate also where it is far below 1e-16.</summary>
    public static double UpperTail(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        // erfc(x / sqrt 2) with (x / sqrt 2)^2 = x^2 / 2 carried exactly as a sum of two doubles.
        var square = x * x;
        var squareError = Math.FusedMultiplyAdd(x, x, -square);
        var z = Math.Abs(x) * InverseSqrtTwo;
        var tail = ErfcOfNonNegative(z, 0.5 * square, 0.5 * squareError);
        return 0.5 * (x >= 0 ? tail : 2.0 - tail);
    }

    /// <summary>The two-sided p-value P(|Z| &gt;= |z|) = erfc(|z| / sqrt 2) of a z statistic.</summary>
    public static double TwoSidedPValue(double z) => double.IsNaN(z) ? double.NaN : 2.0 * UpperTail(Math.Abs(z));

    /// <summary>
    /// The quantile (inverse CDF) of probability <paramref name="p"/> in [0, 1]; -Infinity at 0 and
    /// +Infinity at 1. Acklam's rational approximation refined by two Halley steps on <see cref="Cdf"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When p is outside [0, 1] or NaN.</exception>
    public static double Quantile(double p)
    {
        if (!(p >= 0.0 && p <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must be in [0, 1].");
        }

        if (p == 0.0)
        {
            return double.NegativeInfinity;
        }

        if (p == 1.0)
        {
            return double.PositiveInfinity;
        }

        // Work on the lower half, where p carries full relative precision.
        if (p > 0.5)
        {
            return -LowerQuantile(1.0 - p);
        }

        return LowerQuantile(p);
    }

    private static double LowerQuantile(double p)
    {
        var x = AcklamQuantile(p);
        for (var step = 0; step < 2; step++)
        {
            // Halley's method on Cdf(x) - p: the relative residual times sqrt(2 pi) exp(x^2 / 2).
            var residual = Cdf(x) - p;
            var u = residual * SqrtTwoPi * Math.Exp(0.5 * x * x);
            x -= u / (1.0 + 0.5 * x * u);
        }

        return x;
    }

    // Acklam's approximation, relative error below 1.15e-9, used only as the starting point.
    private static double AcklamQuantile(double p)
    {
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2.0 * Math.Log(p));
            return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                        - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                    + 3.754408661907416e+00) * q + 1.0);
        }

        var r = p - 0.5;
        var s = r * r;
        return (((((-3.969683028665376e+01 * s + 2.209460984245205e+02) * s - 2.759285104469687e+02) * s
                    + 1.383577518672690e+02) * s - 3.066479806614716e+01) * s + 2.506628277459239e+00) * r
            / (((((-5.447609879822406e+01 * s + 1.615858368580409e+02) * s - 1.556989798598866e+02) * s
                + 6.680131188771972e+01) * s - 1.328068155288572e+01) * s + 1.0);
    }

    // erfc(z) for z >= 0, given z^2 as square + squareError exactly.
    private static double ErfcOfNonNegative(double z, double square, double squareError)
    {
        if (z < SeriesLimit)
        {
            return 1.0 - ErfSeries(z, square);
        }

        if (square > 750.0)
        {
            return 0.0;
        }

        return Math.Exp(-square) * (1.0 - squareError) * z * InverseSqrtPi * GammaHalfContinuedFraction(square);
    }

    // erf(z) = 2/sqrt(pi) exp(-z^2) sum_n 2^n z^(2n+1) / (2n+1)!!, all terms positive.
    private static double ErfSeries(double z, double square)
    {
        var term = z;
        var sum = z;
        for (var n = 1; n < 60; n++)
        {
            term *= 2.0 * square / (2 * n + 1);
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }

        return 2.0 * InverseSqrtPi * Math.Exp(-square) * sum;
    }

    // Gamma(1/2, x) / (exp(-x) sqrt x) by Legendre's continued fraction (modified Lentz).
    private static double GammaHalfContinuedFraction(double x)
    {
        const double a = 0.5;
        const double tiny = 1e-300;
        var b = x + 1.0 - a;
        var c = 1.0 / tiny;
        var d = 1.0 / b;
        var h = d;
        for (var i = 1; i < 1000; i++)
        {
            var an = -i * (i - a);
            b += 2.0;
            d = an * d + b;
            if (Math.Abs(d) < tiny)
            {
                d = tiny;
            }

            c = b + an / c;
            if (Math.Abs(c) < tiny)
            {
                c = tiny;
            }

            d = 1.0 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1.0) < 1e-17)
            {
                break;
            }
        }

        return h;
    }
}
