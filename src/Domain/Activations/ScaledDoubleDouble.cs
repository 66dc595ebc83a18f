namespace SigmoidService.Domain.Activations;

/// <summary>
/// A double-double mantissa times 2^<see cref="Exponent"/>: the form exp results take before they are
/// rounded, so that values far below the smallest subnormal or above the largest double can still be
/// multiplied and divided without losing digits.
/// </summary>
internal readonly record struct ScaledDoubleDouble(DoubleDouble Mantissa, int Exponent)
{
    private const double TwoPowMinus1022 = 2.2250738585072014E-308;

    /// <summary>Exponents at or above this make the mantissa scaling exact for any mantissa near 1.</summary>
    public const int MinNormalExponent = -960;

    public static ScaledDoubleDouble operator *(ScaledDoubleDouble a, DoubleDouble b) => new(a.Mantissa * b, a.Exponent);

    public static ScaledDoubleDouble operator /(ScaledDoubleDouble a, DoubleDouble b) => new(a.Mantissa / b, a.Exponent);

    /// <summary>The value as a double-double; exact while the exponent keeps both parts normal.</summary>
    public DoubleDouble ToDoubleDouble() => Mantissa.ScaleB(Exponent);

    /// <summary>
    /// Rounds <c>(Hi + Lo) * 2^Exponent</c> to the nearest double once, including into the subnormal range,
    /// where scaling <c>Hi</c> first and adding <c>Lo</c> after would round twice.
    /// </summary>
    public double ToDouble()
    {
        var hi = Mantissa.Hi;
        if (hi == 0 || !double.IsFinite(hi))
        {
            return hi;
        }

        var exponent = Math.ILogB(hi) + (long)Exponent;
        if (exponent > 1023)
        {
            return double.CopySign(double.PositiveInfinity, hi);
        }

        if (exponent >= -1022)
        {
            // Hi is already the rounded sum of the parts, and scaling a normal result by 2^n is exact.
            return Math.ScaleB(hi, Exponent);
        }

        if (exponent < -1080)
        {
            return double.CopySign(0.0, hi);
        }

        // Below 2^-1022 the spacing of doubles is 2^-1074. Scaled by 2^1022, the value lies in (0, 1), where
        // adding 1 makes the hardware round to a spacing of 2^-52: the same grid, so one rounding is done.
        var shift = Exponent + 1022;
        var magnitude = Math.ScaleB(Math.Abs(hi), shift);
        var tail = Math.ScaleB(hi < 0 ? -Mantissa.Lo : Mantissa.Lo, shift);
        var sum = DoubleDouble.FastTwoSum(1.0, magnitude);
        var rounded = sum.Hi + (sum.Lo + tail);
        return double.CopySign((rounded - 1.0) * TwoPowMinus1022, hi);
    }
}
