using System.Runtime.CompilerServices;

namespace SigmoidService.Domain.Activations;

/// <summary>
/// The vectorised sigmoid and its derivative over arrays, with the accuracy of the scalar path.
/// </summary>
/// <remarks>
/// Double precision: e = exp(-|x|) is computed in each lane as a double-double mantissa (Cody-Waite range
/// reduction with ln 2 in three parts, a degree-15 Taylor polynomial of which the first two terms are
/// exact) times 2^k, accurate to about 2^-57. Then sigma = 1 / (1 + e) or e / (1 + e) and
/// sigma' = e / (1 + e)^2 are formed with one correction step each, so each lane is rounded once. Lanes
/// whose e is below 2^-1000 (|x| &gt; 693) take e itself, rounded into the subnormal range in one step.
/// Single precision: the lanes are widened to double, evaluated in plain double arithmetic (about 2^-46
/// relative), and rounded once to single. Tails shorter than a vector go through the scalar path.
/// NOTE: over a million elements this takes about 3 times as long as TensorPrimitives.Sigmoid for doubles
/// and 2.4 times for floats (docs/benchmarks.md); the double-double exp is most of the difference.
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

        // sigma' = e / (1 + e)^2.
        var squareHigh = dh * dh;
        var squareLow = TVector.FusedMultiplyAdd(dh, dh, -squareHigh) + (TVector.Create(2.0) * dh * dl);
        var squareInverse = one / squareHigh;
        var slope = e * squareInverse;
        var slopeResidual = TVector.FusedMultiplyAdd(-slope, squareHigh, e) + eLow - (slope * squareLow);
        var derivative = TVector.FusedMultiplyAdd(slopeResidual, squareInverse, slope);

        var value = TVector.Select(negative, negativeValue, positive);

        var tiny = TVector.LessThan(k, TVector.Create(SubnormalExponent));
        if (TVector.Any(tiny))
        {
            // sigma(x) = e (1 - e + ...) for x < 0 and sigma' = e (1 - 2e + ...): with e < 2^-1000 both are e.
            var rounded = RoundScaled(eh, el, k);
            value = TVector.Select(tiny, TVector.Select(negative, rounded, one), value);
            derivative = TVector.Select(tiny, rounded, derivative);
        }

        var nan = TVector.IsNaN(x);
        if (TVector.Any(nan))
        {
            value = TVector.Select(nan, x, value);
            derivative = TVector.Select(nan, x, derivative);
        }

        return (value, derivative);
    }

    /// <summary>sigma alone, with the same steps as <see cref="SigmoidDouble{TVector}"/>.</summary>
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

        var tiny = TVector.LessThan(k, TVector.Create(SubnormalExponent));
        if (TVector.Any(tiny))
        {
            value = TVector.Select(tiny, TVector.Select(negative, RoundScaled(eh, el, k), one), value);
        }

        var nan = TVector.IsNaN(x);
        return TVector.Any(nan) ? TVector.Select(nan, x, value) : value;
    }

    /// <summary>
    /// exp(-a) for 0 &lt;= a &lt;= 1500 as (hi + lo) * 2^k with hi + lo in [2^-0.5, 2^0.5], accurate to about 2^-57.
    /// </summary>
    private static (TVector High, TVector Low, TVector Exponent) ExpNegative<TVector>(TVector a)
        where TVector : struct, ISimdDouble<TVector>
    {
        var k = TVector.Round(a * TVector.Create(-DoubleDoubleMath.InverseLn2));

        // r = -a - k ln 2 as a double-double: k * Ln2Part1 is exact and so is the subtraction (Sterbenz).
        var head = TVector.FusedMultiplyAdd(k, TVector.Create(-Ln2Part1), -a);
        var middle = k * TVector.Create(Ln2Part2);
        var middleError = TVector.FusedMultiplyAdd(k, TVector.Create(Ln2Part2), -middle);
        var rh = head - middle;
        var virtualMiddle = head - rh;
        var sumError = (head - (rh + virtualMiddle)) + (virtualMiddle - middle);
        var rl = sumError - middleError - (k * TVector.Create(Ln2Part3));

        // exp(r) - 1 = r + r^2/2 + r^3 p(r), with p the Taylor polynomial from 1/3! to 1/15!, evaluated by
        // Estrin's scheme: pairs, then powers r^2, r^4, r^8, so that the chain of dependent steps is short.
        var r2 = rh * rh;
        var r4 = r2 * r2;
        var r8 = r4 * r4;
        var q0 = TVector.FusedMultiplyAdd(rh, TVector.Create(1.0 / 24), TVector.Create(1.0 / 6));
        var q1 = TVector.FusedMultiplyAdd(rh, TVector.Create(1.0 / 720), TVector.Create(1.0 / 120));
        var q2 = TVector.FusedMultiplyAdd(rh, TVector.Create(1.0 / 40320), TVector.Create(1.0 / 5040));
        var q3 = TVector.FusedMultiplyAdd(rh, TVector.Create(1.0 / 3628800), TVector.Create(1.0 / 362880));
        var q4 = TVector.FusedMultiplyAdd(rh, TVector.Create(1.0 / 479001600), TVector.Create(1.0 / 39916800));
        var q5 = TVector.FusedMultiplyAdd(rh, TVector.Create(1.0 / 87178291200), TVector.Create(1.0 / 6227020800));
        var s0 = TVector.FusedMultiplyAdd(q1, r2, q0);
        var s1 = TVector.FusedMultiplyAdd(q3, r2, q2);
        var s2 = TVector.FusedMultiplyAdd(TVector.Create(1.0 / 1307674368000), r2, q5);
        var t0 = TVector.FusedMultiplyAdd(s1, r4, s0);
        var t1 = TVector.FusedMultiplyAdd(s2, r2, q4);
        var p = TVector.FusedMultiplyAdd(t1, r8, t0);

        var half = TVector.Create(0.5);
        var square = r2;
        var squareError = TVector.FusedMultiplyAdd(rh, rh, -square);
        var halfSquare = square * half;
        var tail = square * rh * p;

        // rh + rh^2/2 exactly (|rh| >= rh^2/2), then the small terms.
        var sum = rh + halfSquare;
        var sumLow = halfSquare - (sum - rh);
        var low = sumLow + ((squareError * half) + TVector.FusedMultiplyAdd(rh, rl, rl) + tail);
        var expm1 = sum + low;
        var expm1Low = low - (expm1 - sum);

        // 1 + expm1 exactly (|expm1| < 1).
        var one = TVector.Create(1.0);
        var high = one + expm1;
        var highLow = (expm1 - (high - one)) + expm1Low;
        var normalizedHigh = high + highLow;
        var normalizedLow = highLow - (normalizedHigh - high);
        return (normalizedHigh, normalizedLow, k);
    }

    /// <summary>Rounds (hi + lo) * 2^k to double once, for k below -1000 (subnormal or zero results).</summary>
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

    /// <summary>sigma and sigma' in plain double arithmetic, accurate to about 2^-46: enough to round to single once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TVector Value, TVector Derivative) SigmoidForSingle<TVector>(TVector x)
        where TVector : struct, ISimdDouble<TVector>
    {
        // Below x = -104 every single result is 0; clamping keeps exp(-a) normal in double.
        var a = TVector.Min(TVector.Abs(x), TVector.Create(150.0));
        var k = TVector.Round(a * TVector.Create(-DoubleDoubleMath.InverseLn2));
        var r = TVector.FusedMultiplyAdd(k, TVector.Create(-Ln2Part1), -a) - (k * TVector.Create(Ln2Part2));

        // exp(r) by its Taylor polynomial to degree 11: the remainder is below 2^-47 for |r| <= ln2/2.
        var p = TVector.Create(1.0 / 39916800);
        p = TVector.FusedMultiplyAdd(p, r, TVector.Create(1.0 / 3628800));
        p = TVector.FusedMultiplyAdd(p, r, TVector.Create(1.0 / 362880));
        p = TVector.FusedMultiplyAdd(p, r, TVector.Create(1.0 / 40320));
        p = TVector.FusedMultiplyAdd(p, r, TVector.Create(1.0 / 5040));
        p = TVector.FusedMultiplyAdd(p, r, TVector.Create(1.0 / 720));
        p = TVector.FusedMultiplyAdd(p, r, TVector.Create(1.0 / 120));
        p = TVector.FusedMultiplyAdd(p, r, TVector.Create(1.0 / 24));
        p = TVector.FusedMultiplyAdd(p, r, TVector.Create(1.0 / 6));
        p = TVector.FusedMultiplyAdd(p, r, TVector.Create(0.5));
        p = TVector.FusedMultiplyAdd(p, r, TVector.Create(1.0));
        var one = TVector.Create(1.0);
        var e = TVector.FusedMultiplyAdd(p, r, one) * TVector.PowerOfTwo(k);

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
