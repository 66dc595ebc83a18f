using System.Runtime.CompilerServices;

namespace SigmoidService.Domain.Activations;

/// <summary>
/// The vectorised sigmoid and its derivative over arrays, with the accuracy of the scalar path.
/// </summary>
/// <remarks>
/// Double precision: e = exp(-|x|) is computed in each lane as a double-double mantissa times 2^k: the
/// argument is reduced by multiples of ln2/16, 2^(j/16) comes from a 16-entry table of double-doubles, and
/// exp of the rest (|r| &lt;= ln2/32) from a degree-8 Taylor polynomial, accurate to about 2^-63 in all.
/// Then sigma = 1 / (1 + e) or e / (1 + e) is formed with one correction step, so each lane is rounded
/// once, and sigma' = sigma(x) sigma(-x) is the product of the two corrected quotients, without a second
/// division. Lanes whose e is below 2^-1000 (|x| &gt; 693) take e itself, rounded into the subnormal range
/// in one step.
/// Single precision: the lanes are widened to double and evaluated in plain double arithmetic with the same
/// table (about 2^-50 relative), then rounded once to single. Tails shorter than a vector go through the
/// scalar path.
/// NOTE: over a million elements this still takes about 1.5 times as long as TensorPrimitives.Sigmoid for
/// doubles and about as long for floats (docs/benchmarks.md), because each double lane carries the exp and
/// the quotient to about 2^-63. A single-precision lane is misrounded only if its value lies within a
/// relative 2^-50 of a midpoint between two singles. No test detects that case to send it to the exact path.
/// </remarks>
internal static class SigmoidKernel
{
    // ln 2 in three parts (Cody and Waite): k * Ln2Part1 is exact for |k| < 2^24.
    private const double Ln2Part1 = DoubleDoubleMath.Ln2Part1;
    private const double Ln2Part2 = DoubleDoubleMath.Ln2Part2;
    private const double Ln2Part3 = DoubleDoubleMath.Ln2Part3;

    // Beyond this |x| the results are 0, 1 or rounded-to-0 in both formats; clamping keeps k in range.
    private const double ArgumentClamp = 1500.0;

    // Lanes with k below this take the subnormal-safe path.
    private const double SubnormalExponent = -1000.0;

    private const double TwoPowMinus1022 = 2.2250738585072014E-308;

    // 1.5 * 2^52: adding it to a double below 2^51 in magnitude rounds to an integer in the low mantissa bits.
    private const double RoundingShift = 6755399441055744.0;

    // 2^(j/16) for j = 0 to 15 as the nearest double and the remainder (from mpmath at 300 bits).
    private static ReadOnlySpan<double> PowerTableHigh =>
    [
        1.0, 1.0442737824274138, 1.0905077326652577, 1.1387886347566916,
        1.189207115002721, 1.241857812073484, 1.2968395546510096, 1.3542555469368927,
        1.4142135623730951, 1.4768261459394993, 1.5422108254079407, 1.6104903319492543,
        1.681792830507429, 1.7562521603732995, 1.8340080864093424, 1.9152065613971474,
    ];

    private static ReadOnlySpan<double> PowerTableLow =>
    [
        0.0, 8.551889705537965e-17, -3.046782079812471e-17, 8.912812676025408e-17,
        3.982015231465646e-17, 4.658027591836937e-17, 2.5382502794888315e-17, 7.70094837980299e-17,
        -9.667293313452913e-17, -3.483994556892796e-17, 7.949834809697621e-17, 2.4707192569797888e-17,
        8.199010020581497e-17, 2.960140695448873e-17, 3.283107224245627e-17, -1.0619946056195963e-16,
    ];

    public static void Evaluate(ReadOnlySpan<double> x, Span<double> values, Span<double> derivatives)
    {
        var done = 0;
        if (Simd512.IsHardwareAccelerated)
        {
            done = EvaluateVectors<Simd512>(x, values, derivatives);
        }
        else if (Simd256.IsHardwareAccelerated)
        {
            done = EvaluateVectors<Simd256>(x, values, derivatives);
        }
        else if (Simd128.IsHardwareAccelerated)
        {
            done = EvaluateVectors<Simd128>(x, values, derivatives);
        }

        for (var i = done; i < x.Length; i++)
        {
            values[i] = ScalarValue(x[i]);
            derivatives[i] = ScalarDerivative(x[i]);
        }
    }

    public static void Evaluate(ReadOnlySpan<float> x, Span<float> values, Span<float> derivatives)
    {
        var done = 0;
        if (Simd512.IsHardwareAccelerated)
        {
            done = EvaluateVectors<Simd512>(x, values, derivatives);
        }
        else if (Simd256.IsHardwareAccelerated)
        {
            done = EvaluateVectors<Simd256>(x, values, derivatives);
        }
        else if (Simd128.IsHardwareAccelerated)
        {
            done = EvaluateVectors<Simd128>(x, values, derivatives);
        }

        for (var i = done; i < x.Length; i++)
        {
            values[i] = (float)ScalarValue(x[i]);
            derivatives[i] = (float)ScalarDerivative(x[i]);
        }
    }

    /// <summary>Computes sigma only, for callers that need no derivative.</summary>
    public static void EvaluateValues(ReadOnlySpan<double> x, Span<double> values)
    {
        var done = 0;
        if (Simd512.IsHardwareAccelerated)
        {
            done = EvaluateValueVectors<Simd512>(x, values);
        }
        else if (Simd256.IsHardwareAccelerated)
        {
            done = EvaluateValueVectors<Simd256>(x, values);
        }
        else if (Simd128.IsHardwareAccelerated)
        {
            done = EvaluateValueVectors<Simd128>(x, values);
        }

        for (var i = done; i < x.Length; i++)
        {
            values[i] = ScalarValue(x[i]);
        }
    }

    /// <summary>Computes sigma only in single precision.</summary>
    public static void EvaluateValues(ReadOnlySpan<float> x, Span<float> values)
    {
        var done = 0;
        if (Simd512.IsHardwareAccelerated)
        {
            done = EvaluateValueVectors<Simd512>(x, values);
        }
        else if (Simd256.IsHardwareAccelerated)
        {
            done = EvaluateValueVectors<Simd256>(x, values);
        }
        else if (Simd128.IsHardwareAccelerated)
        {
            done = EvaluateValueVectors<Simd128>(x, values);
        }

        for (var i = done; i < x.Length; i++)
        {
            values[i] = (float)ScalarValue(x[i]);
        }
    }

    internal static int EvaluateValueVectors<TVector>(ReadOnlySpan<double> x, Span<double> values)
        where TVector : struct, ISimdDouble<TVector>
    {
        var count = TVector.Count;
        var i = 0;
        for (; i <= x.Length - count; i += count)
        {
            TVector.Store(SigmoidValueDouble(TVector.Load(x, i)), values, i);
        }

        return i;
    }

    internal static int EvaluateValueVectors<TVector>(ReadOnlySpan<float> x, Span<float> values)
        where TVector : struct, ISimdDouble<TVector>
    {
        var count = 2 * TVector.Count;
        var i = 0;
        for (; i <= x.Length - count; i += count)
        {
            var (lower, upper) = TVector.LoadWidened(x, i);
            TVector.StoreNarrowed(SigmoidForSingle(lower).Value, SigmoidForSingle(upper).Value, values, i);
        }

        return i;
    }

    /// <summary>Evaluates whole vectors and returns how many elements were done.</summary>
    internal static int EvaluateVectors<TVector>(ReadOnlySpan<double> x, Span<double> values, Span<double> derivatives)
        where TVector : struct, ISimdDouble<TVector>
    {
        var count = TVector.Count;
        var i = 0;
        for (; i <= x.Length - count; i += count)
        {
            var (value, derivative) = SigmoidDouble(TVector.Load(x, i));
            TVector.Store(value, values, i);
            TVector.Store(derivative, derivatives, i);
        }

        return i;
    }

    /// <summary>Evaluates whole pairs of vectors in single precision and returns how many elements were done.</summary>
    internal static int EvaluateVectors<TVector>(ReadOnlySpan<float> x, Span<float> values, Span<float> derivatives)
        where TVector : struct, ISimdDouble<TVector>
    {
        var count = 2 * TVector.Count;
        var i = 0;
        for (; i <= x.Length - count; i += count)
        {
            var (lower, upper) = TVector.LoadWidened(x, i);
            var (lowerValue, lowerDerivative) = SigmoidForSingle(lower);
            var (upperValue, upperDerivative) = SigmoidForSingle(upper);
            TVector.StoreNarrowed(lowerValue, upperValue, values, i);
            TVector.StoreNarrowed(lowerDerivative, upperDerivative, derivatives, i);
        }

        return i;
    }

    private static double ScalarValue(double x) => x switch
    {
        double.PositiveInfinity => 1.0,
        double.NegativeInfinity => 0.0,
        _ when double.IsNaN(x) => x,
        _ => LogisticMath.Logistic(x).ToDouble(),
    };

    private static double ScalarDerivative(double x) =>
        double.IsInfinity(x) ? 0.0 : double.IsNaN(x) ? x : LogisticMath.LogisticDerivative(x).ToDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector Value, TVector Derivative) SigmoidDouble<TVector>(TVector x)
        where TVector : struct, ISimdDouble<TVector>
    {
        var one = TVector.Create(1.0);
        var a = TVector.Min(TVector.Abs(x), TVector.Create(ArgumentClamp));
        var negative = TVector.LessThan(x, TVector.Create(0.0));

        var (eh, el, k) = ExpNegative(a);

        // Lanes with e >= 2^-1000: scale the mantissa exactly and form 1 + e as a double-double.
        var scale = TVector.PowerOfTwo(TVector.Max(k, TVector.Create(SubnormalExponent)));
        var e = eh * scale;
        var eLow = el * scale;
        var dh = one + e;
        var dl = ((one - dh) + e) + eLow;
        var inverse = one / dh;

        // sigma = 1 / (1 + e) for x >= 0: one Newton correction of the reciprocal, residual taken exactly.
        var positiveResidual = TVector.FusedMultiplyAdd(-inverse, dh, one) - (inverse * dl);
        var positive = TVector.FusedMultiplyAdd(inverse, positiveResidual, inverse);

        // sigma = e / (1 + e) for x < 0.
        var quotient = e * inverse;
        var negativeResidual = TVector.FusedMultiplyAdd(-quotient, dh, e) + eLow - (quotient * dl);
        var negativeValue = TVector.FusedMultiplyAdd(negativeResidual, inverse, quotient);

        // sigma' = sigma(x) sigma(-x) = (quotient + cn)(inverse + cp), from the same division: the product
        // quotient * inverse exactly as two parts, the cross terms in double, cn cp (below 2^-104) left out.
        var positiveCorrection = inverse * positiveResidual;
        var negativeCorrection = negativeResidual * inverse;
        var slope = quotient * inverse;
        var slopeError = TVector.FusedMultiplyAdd(quotient, inverse, -slope);
        var derivative = slope + TVector.FusedMultiplyAdd(
            quotient,
            positiveCorrection,
            TVector.FusedMultiplyAdd(negativeCorrection, inverse, slopeError));

        var value = TVector.Select(negative, negativeValue, positive);

        // Tiny e and NaN arguments are rare, so one test covers both: k is below the bound or NaN.
        if (!TVector.All(TVector.GreaterThanOrEqual(k, TVector.Create(SubnormalExponent))))
        {
            // sigma(x) = e (1 - e + ...) for x < 0 and sigma' = e (1 - 2e + ...): with e < 2^-1000 both are e.
            var tiny = TVector.LessThan(k, TVector.Create(SubnormalExponent));
            var rounded = RoundScaled(eh, el, k);
            value = TVector.Select(tiny, TVector.Select(negative, rounded, one), value);
            derivative = TVector.Select(tiny, rounded, derivative);

            var nan = TVector.IsNaN(x);
            value = TVector.Select(nan, x, value);
            derivative = TVector.Select(nan, x, derivative);
        }

        return (value, derivative);
    }

    /// <summary>Computes sigma alone, with the same steps as <see cref="SigmoidDouble{TVector}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector SigmoidValueDouble<TVector>(TVector x)
        where TVector : struct, ISimdDouble<TVector>
    {
        var one = TVector.Create(1.0);
        var a = TVector.Min(TVector.Abs(x), TVector.Create(ArgumentClamp));
        var negative = TVector.LessThan(x, TVector.Create(0.0));

        var (eh, el, k) = ExpNegative(a);
        var scale = TVector.PowerOfTwo(TVector.Max(k, TVector.Create(SubnormalExponent)));
        var e = eh * scale;
        var eLow = el * scale;
        var dh = one + e;
        var dl = ((one - dh) + e) + eLow;
        var inverse = one / dh;

        // The numerator is 1 for x >= 0 and e for x < 0; the correction step is the same.
        var numerator = TVector.Select(negative, e, one);
        var numeratorLow = TVector.Select(negative, eLow, TVector.Create(0.0));
        var quotient = numerator * inverse;
        var residual = TVector.FusedMultiplyAdd(-quotient, dh, numerator) + numeratorLow - (quotient * dl);
        var value = TVector.FusedMultiplyAdd(residual, inverse, quotient);

        if (!TVector.All(TVector.GreaterThanOrEqual(k, TVector.Create(SubnormalExponent))))
        {
            var tiny = TVector.LessThan(k, TVector.Create(SubnormalExponent));
            value = TVector.Select(tiny, TVector.Select(negative, RoundScaled(eh, el, k), one), value);
            value = TVector.Select(TVector.IsNaN(x), x, value);
        }

        return value;
    }

    /// <summary>
    /// Computes exp(-a) for 0 &lt;= a &lt;= 1500 as (hi + lo) * 2^k with hi + lo in [2^-0.04, 2^0.97], accurate to about 2^-63.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector High, TVector Low, TVector Exponent) ExpNegative<TVector>(TVector a)
        where TVector : struct, ISimdDouble<TVector>
    {
        // m = round(-16 a / ln 2) = 16 k + j with j in [0, 15], so that exp(-a) = 2^k 2^(j/16) exp(r) with
        // |r| <= ln2/32. Adding 1.5 * 2^52 rounds to an integer and leaves m in the low bits, where the
        // table lookup reads j.
        var shift = TVector.Create(RoundingShift);
        var shifted = TVector.FusedMultiplyAdd(a, TVector.Create(-16.0 * DoubleDoubleMath.InverseLn2), shift);
        var m = shifted - shift;
        var k = TVector.Round(TVector.FusedMultiplyAdd(m, TVector.Create(1.0 / 16), TVector.Create(-15.0 / 32)));

        // r = -a - m ln2/16 as rh + rl: m * Ln2Part1 is exact and so is the subtraction (Sterbenz).
        var head = TVector.FusedMultiplyAdd(m, TVector.Create(-Ln2Part1 / 16), -a);
        var rh = TVector.FusedMultiplyAdd(m, TVector.Create(-Ln2Part2 / 16), head);
        var rl = TVector.FusedMultiplyAdd(
            m,
            TVector.Create(-Ln2Part3 / 16),
            TVector.FusedMultiplyAdd(m, TVector.Create(-Ln2Part2 / 16), head - rh));

        // exp(r) - 1 - rh = rh^2 p(rh) + rl (1 + rh), with p the Taylor polynomial from 1/2 to 1/8!: the
        // first term left out, rh^9/9!, is below 2^-68.
        var p = TVector.Create(1.0 / 40320);
        p = TVector.FusedMultiplyAdd(p, rh, TVector.Create(1.0 / 5040));
        p = TVector.FusedMultiplyAdd(p, rh, TVector.Create(1.0 / 720));
        p = TVector.FusedMultiplyAdd(p, rh, TVector.Create(1.0 / 120));
        p = TVector.FusedMultiplyAdd(p, rh, TVector.Create(1.0 / 24));
        p = TVector.FusedMultiplyAdd(p, rh, TVector.Create(1.0 / 6));
        p = TVector.FusedMultiplyAdd(p, rh, TVector.Create(0.5));
        var q = TVector.FusedMultiplyAdd(rh * rh, p, TVector.FusedMultiplyAdd(rl, rh, rl));

        // 2^(j/16) (1 + rh + q) = th + th rh + (th q + tl (1 + rh)): th + th rh exactly as three parts, the
        // rest (below 2^-11 of the sum) in double.
        var th = TVector.Lookup16(shifted, PowerTableHigh);
        var tl = TVector.Lookup16(shifted, PowerTableLow);
        var product = th * rh;
        var productError = TVector.FusedMultiplyAdd(th, rh, -product);
        var small = TVector.FusedMultiplyAdd(th, q, TVector.FusedMultiplyAdd(tl, rh, tl));
        var sum = th + product;
        var sumError = (th - sum) + product;
        var low = (sumError + productError) + small;
        var high = sum + low;
        return (high, low - (high - sum), k);
    }

    /// <summary>Rounds (hi + lo) * 2^k to double once, for k below -1000 (subnormal or zero results).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector RoundScaled<TVector>(TVector hi, TVector lo, TVector k)
        where TVector : struct, ISimdDouble<TVector>
    {
        // Scaled by 2^1022 the value is below 2^22; where it is below 1, adding 1 rounds it on the subnormal
        // grid of 2^-1074 (2^-52 after scaling) in one step.
        var shift = TVector.PowerOfTwo(TVector.Max(k + TVector.Create(1022.0), TVector.Create(-200.0)));
        var magnitude = hi * shift;
        var magnitudeLow = lo * shift;
        var one = TVector.Create(1.0);
        var sum = one + magnitude;
        var sumLow = (magnitude - (sum - one)) + magnitudeLow;
        var rounded = (sum + sumLow) - one;
        var minNormal = TVector.Create(TwoPowMinus1022);
        return TVector.Select(TVector.LessThan(magnitude, one), rounded * minNormal, magnitude * minNormal);
    }

    /// <summary>Computes sigma and sigma' in plain double arithmetic, accurate to about 2^-50: enough to round to single once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector Value, TVector Derivative) SigmoidForSingle<TVector>(TVector x)
        where TVector : struct, ISimdDouble<TVector>
    {
        // Below x = -104 every single result is 0; clamping keeps exp(-a) normal in double.
        var a = TVector.Min(TVector.Abs(x), TVector.Create(150.0));

        // The reduction of ExpNegative, in plain double: exp(-a) = 2^k 2^(j/16) exp(r) with |r| <= ln2/32.
        var shift = TVector.Create(RoundingShift);
        var shifted = TVector.FusedMultiplyAdd(a, TVector.Create(-16.0 * DoubleDoubleMath.InverseLn2), shift);
        var m = shifted - shift;
        var k = TVector.Round(TVector.FusedMultiplyAdd(m, TVector.Create(1.0 / 16), TVector.Create(-15.0 / 32)));
        var head = TVector.FusedMultiplyAdd(m, TVector.Create(-Ln2Part1 / 16), -a);
        var r = TVector.FusedMultiplyAdd(m, TVector.Create(-Ln2Part2 / 16), head);

        // exp(r) - 1 = r + r^2 p(r), with p the Taylor polynomial from 1/2 to 1/7!: the first term left out,
        // r^8/8!, is below 2^-59.
        var p = TVector.Create(1.0 / 5040);
        p = TVector.FusedMultiplyAdd(p, r, TVector.Create(1.0 / 720));
        p = TVector.FusedMultiplyAdd(p, r, TVector.Create(1.0 / 120));
        p = TVector.FusedMultiplyAdd(p, r, TVector.Create(1.0 / 24));
        p = TVector.FusedMultiplyAdd(p, r, TVector.Create(1.0 / 6));
        p = TVector.FusedMultiplyAdd(p, r, TVector.Create(0.5));
        var expm1 = TVector.FusedMultiplyAdd(r * r, p, r);
        var power = TVector.Lookup16(shifted, PowerTableHigh);
        var one = TVector.Create(1.0);
        var e = TVector.FusedMultiplyAdd(power, expm1, power) * TVector.PowerOfTwo(k);

        var inverse = one / (one + e);
        var value = TVector.Select(TVector.LessThan(x, TVector.Create(0.0)), e * inverse, inverse);
        var derivative = e * inverse * inverse;

        var nan = TVector.IsNaN(x);
        if (TVector.Any(nan))
        {
            value = TVector.Select(nan, x, value);
            derivative = TVector.Select(nan, x, derivative);
        }

        return (value, derivative);
    }
}
