namespace SigmoidService.Domain.Activations;

/// <summary>
/// exp, expm1, log, log1p and the Gaussian tail in double-double arithmetic, accurate to about 2^-95
/// relative, so that an activation built from them rounds once at the end, even after a cancellation of
/// 40 bits (as near the roots of the GELU, SiLU and Mish derivatives).
/// </summary>
/// <remarks>
/// .NET has no erf or erfc, and its <c>double.LogP1</c> and <c>double.ExpM1</c> are computed as
/// <c>Log(1 + x)</c> and <c>Exp(x) - 1</c>, which lose every digit for small x; these replace them.
/// </remarks>
internal static class DoubleDoubleMath
{
    public const double InverseLn2 = 1.4426950408889634;

    /// <summary>ln 2 split so that <c>k * Ln2Part1</c> is exact for |k| &lt; 2^24 (Cody and Waite).</summary>
    public const double Ln2Part1 = 0.6931471787393093;
    public const double Ln2Part2 = 1.8206359985041462e-09;
    public const double Ln2Part3 = -4.00865610552017e-26;

    /// <summary>Half of ln 2, rounded up: the largest |r| left after the range reduction of exp.</summary>
    public const double ReducedArgumentBound = 0.34657359027997264;

    // exp(x) overflows above 709.78 and underflows below -745.14; these bounds leave room for a mantissa
    // that a later product moves back into range, while keeping |k| well under 2^24.
    private const double ExpArgumentMax = 4000.0;
    private const double ExpArgumentMin = -2_000_000.0;

    // Below this |x|, expm1(x) is x + x^2/2 to well beyond double-double precision.
    private const double TinyArgument = 1e-40;

    // exp's reduced argument is halved this many times before the Taylor series, then squared back.
    private const int HalvingSteps = 8;

    // 1/n! as double-doubles for the leading Taylor terms of expm1.
    private static readonly DoubleDouble InverseFactorial3 = new(0.16666666666666666, 9.25185853854297e-18);
    private static readonly DoubleDouble InverseFactorial4 = new(0.041666666666666664, 2.3129646346357427e-18);
    private static readonly DoubleDouble InverseFactorial5 = new(0.008333333333333333, 1.1564823173178714e-19);
    private static readonly DoubleDouble InverseFactorial6 = new(0.001388888888888889, -5.300543954373577e-20);

    private static readonly DoubleDouble TwoThirds = new(0.6666666666666666, 3.700743415417188e-17);
    private static readonly DoubleDouble InverseSqrtPi = new(0.5641895835477563, 7.66772980658294e-18);
    private static readonly DoubleDouble TwoOverSqrtPi = new(1.1283791670955126, 1.533545961316588e-17);

    /// <summary>
    /// exp(x) as a mantissa near 1 (within [2^-0.5, 2^0.5]) times a power of two; never overflows or
    /// underflows. A NaN argument gives a NaN mantissa.
    /// </summary>
    public static ScaledDoubleDouble Exp(DoubleDouble x)
    {
        if (double.IsNaN(x.Hi))
        {
            return new ScaledDoubleDouble(new DoubleDouble(double.NaN, 0.0), 0);
        }

        if (x.Hi > ExpArgumentMax)
        {
            return new ScaledDoubleDouble(DoubleDouble.One, 1 << 20);
        }

        if (x.Hi < ExpArgumentMin)
        {
            return new ScaledDoubleDouble(DoubleDouble.One, -(1 << 24));
        }

        var k = Math.Round(x.Hi * InverseLn2);
        var reduced = Reduce(x, k);
        var expm1 = Expm1Reduced(reduced);
        var sum = DoubleDouble.FastTwoSum(1.0, expm1.Hi);
        var mantissa = DoubleDouble.FastTwoSum(sum.Hi, sum.Lo + expm1.Lo);
        return new ScaledDoubleDouble(mantissa, (int)k);
    }

    public static ScaledDoubleDouble Exp(double x) => Exp(new DoubleDouble(x, 0.0));

    /// <summary>exp(x) - 1, with full relative accuracy near 0.</summary>
    public static DoubleDouble Expm1(DoubleDouble x)
    {
        if (Math.Abs(x.Hi) < TinyArgument)
        {
            // expm1(x) = x + x^2/2 + ..., and the halving inside the series would push tiny x into subnormals.
            return new DoubleDouble(x.Hi, x.Lo + (0.5 * x.Hi * x.Hi));
        }

        if (Math.Abs(x.Hi) <= ReducedArgumentBound)
        {
            return Expm1Reduced(x);
        }

        var exp = Exp(x);
        if (exp.Exponent > 1024)
        {
            return new DoubleDouble(double.PositiveInfinity, 0.0);
        }

        if (exp.Exponent < -200)
        {
            return new DoubleDouble(-1.0, 0.0) + exp.ToDouble();
        }

        return exp.ToDoubleDouble() - 1.0;
    }

    /// <summary>The natural logarithm of a positive double-double; 0 gives -Infinity, a negative value NaN.</summary>
    public static DoubleDouble Log(DoubleDouble x)
    {
        if (x.Hi == 0)
        {
            return new DoubleDouble(double.NegativeInfinity, 0.0);
        }

        if (x.Hi < 0 || !double.IsFinite(x.Hi))
        {
            // A negative argument gives NaN; NaN and +Infinity give themselves.
            return new DoubleDouble(x.Hi < 0 ? double.NaN : x.Hi, 0.0);
        }

        // x = m * 2^e with m in [sqrt(1/2), sqrt(2)], so that log m = 2 atanh((m - 1) / (m + 1)) converges fast.
        var exponent = Math.ILogB(x.Hi);
        var mantissa = x.ScaleB(-exponent);
        if (mantissa.Hi > Math.Sqrt(2.0))
        {
            mantissa = mantissa.ScaleB(-1);
            exponent++;
        }

        // m - 1 is exact for m in [1/2, 2] (Sterbenz), so the low part of m keeps its full weight.
        var numerator = DoubleDouble.TwoSum(mantissa.Hi - 1.0, mantissa.Lo);
        var denominator = DoubleDouble.TwoSum(mantissa.Hi, 1.0) + mantissa.Lo;
        var f = numerator / denominator;
        var f2 = f.Square();

        // 2 atanh f = 2f + 2f^3/3 + 2f^5/5 + ...; |f| <= 0.172, so terms from f^5 on are below 2^-12 of the
        // sum and their double-precision error is below 2^-64 of it.
        var g = f2.Hi;
        var series = 2.0 / 27;
        series = Math.FusedMultiplyAdd(series, g, 2.0 / 25);
        series = Math.FusedMultiplyAdd(series, g, 2.0 / 23);
        series = Math.FusedMultiplyAdd(series, g, 2.0 / 21);
        series = Math.FusedMultiplyAdd(series, g, 2.0 / 19);
        series = Math.FusedMultiplyAdd(series, g, 2.0 / 17);
        series = Math.FusedMultiplyAdd(series, g, 2.0 / 15);
        series = Math.FusedMultiplyAdd(series, g, 2.0 / 13);
        series = Math.FusedMultiplyAdd(series, g, 2.0 / 11);
        series = Math.FusedMultiplyAdd(series, g, 2.0 / 9);
        series = Math.FusedMultiplyAdd(series, g, 2.0 / 7);
        series = Math.FusedMultiplyAdd(series, g, 2.0 / 5);
        var tail = f.Hi * g * g * series;

        var logMantissa = f.ScaleB(1) + (TwoThirds * (f * f2)) + tail;
        if (exponent == 0)
        {
            return logMantissa;
        }

        var logPower = DoubleDouble.TwoProduct(exponent, DoubleDouble.Ln2.Hi) + (exponent * DoubleDouble.Ln2.Lo);
        return logPower + logMantissa;
    }

    public static DoubleDouble Log(double x) => Log(new DoubleDouble(x, 0.0));

    /// <summary>log(1 + x) for x &gt;= -1, with full relative accuracy near 0.</summary>
    public static DoubleDouble Log1p(DoubleDouble x)
    {
        if (double.IsPositiveInfinity(x.Hi))
        {
            return x;
        }

        // 1 + x is held exactly as a double-double (for tiny x its low part is x itself), and Log subtracts
        // the 1 back without rounding.
        var onePlus = DoubleDouble.TwoSum(1.0, x.Hi) + x.Lo;
        return Log(onePlus);
    }

    /// <summary>
    /// erf(a) for 0 &lt;= a &lt;= 5 from the series with positive terms
    /// erf(a) = 2/sqrt(pi) exp(-a^2) sum_n 2^n a^(2n+1) / (1 * 3 * ... * (2n+1)), which has no cancellation.
    /// </summary>
    public static DoubleDouble ErfSeries(DoubleDouble a)
    {
        var twoASquared = a.Square().ScaleB(1);
        var term = a;
        var sum = a;
        var n = 1;

        // Terms above 2^-54 of the sum need double-double; the rest only need to be added in double.
        for (; n < 400 && term.Hi >= sum.Hi * 5.5e-17; n++)
        {
            term = term * twoASquared / ((2.0 * n) + 1.0);
            sum += term;
        }

        var tail = 0.0;
        var smallTerm = term.Hi;
        for (; n < 400 && smallTerm >= sum.Hi * 1e-34; n++)
        {
            smallTerm *= twoASquared.Hi / ((2.0 * n) + 1.0);
            tail += smallTerm;
        }

        var gaussian = Exp(-a.Square()).ToDoubleDouble();
        return (sum + tail) * gaussian * TwoOverSqrtPi;
    }

    /// <summary>
    /// erfc(a) * sqrt(pi) * exp(a^2) for a &gt;= 4, by the continued fraction
    /// 1 / (a + (1/2) / (a + 1 / (a + (3/2) / (a + ...)))), evaluated from the back; 60 terms reach
    /// double-double accuracy at a = 4 and more than that for larger a.
    /// </summary>
    public static DoubleDouble ScaledErfcTail(DoubleDouble a)
    {
        var denominator = a;
        for (var n = TermsFor(a.Hi); n >= 1; n--)
        {
            denominator = a + ((0.5 * n) / denominator);
        }

        return DoubleDouble.One / denominator;
    }

    /// <summary>
    /// The continued-fraction terms that reach double-double accuracy: the fraction converges faster as a
    /// grows (checked against mpmath by the GELU reference tests down to a = 4).
    /// </summary>
    private static int TermsFor(double a) => a >= 12 ? 20 : a >= 7 ? 32 : 60;

    /// <summary>erfc(a) for a &gt;= 4 as a scaled double-double, so that results below the double range keep their digits.</summary>
    public static ScaledDoubleDouble ErfcTail(DoubleDouble a)
    {
        var gaussian = Exp(-a.Square());
        return gaussian * (ScaledErfcTail(a) * InverseSqrtPi);
    }

    /// <summary>Splits x - k ln 2 into a double-double with |r| &lt;= ln2/2 (plus rounding).</summary>
    private static DoubleDouble Reduce(DoubleDouble x, double k)
    {
        var head = x.Hi - (k * Ln2Part1);
        var middle = DoubleDouble.TwoProduct(k, Ln2Part2);
        var reduced = DoubleDouble.TwoSum(head, -middle.Hi);
        var low = reduced.Lo - middle.Lo - (k * Ln2Part3) + x.Lo;
        return DoubleDouble.FastTwoSum(reduced.Hi, low);
    }

    /// <summary>
    /// exp(r) - 1 for |r| &lt;= ln2/2, to about 2^-100 relative: r is halved 8 times, the Taylor series is
    /// summed there (|s| &lt; 0.0014, so 10 terms suffice and those from s^7 on fit in a double), and
    /// expm1(2s) = expm1(s) (expm1(s) + 2) undoes the halving without cancellation.
    /// </summary>
    private static DoubleDouble Expm1Reduced(DoubleDouble r)
    {
        var s = r.ScaleB(-HalvingSteps);
        var sh = s.Hi;
        var tail = sh * (1.0 / 5040 + (sh * (1.0 / 40320 + (sh * (1.0 / 362880 + (sh * (1.0 / 3628800)))))));

        var series = InverseFactorial6 + tail;
        series = InverseFactorial5 + (s * series);
        series = InverseFactorial4 + (s * series);
        series = InverseFactorial3 + (s * series);
        series = 0.5 + (s * series);
        series = 1.0 + (s * series);
        var expm1 = s * series;

        for (var i = 0; i < HalvingSteps; i++)
        {
            expm1 *= expm1 + 2.0;
        }

        return expm1;
    }
}
