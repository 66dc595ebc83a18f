namespace SigmoidService.Domain.Activations;

/// <summary>
/// Runs an <see cref="IElementwiseKernel"/> over arrays at the widest vector width the hardware has, and
/// the elements left over by the scalar path.
/// </summary>
/// <remarks>
/// Single-precision arrays are widened to double, evaluated by the same kernel with the single-precision
/// parameters, and rounded once to single, which is exactly what the scalar single-precision path does.
/// </remarks>
internal static class ElementwiseKernel
{
    public static void Evaluate<TKernel>(TKernel kernel, Activation scalar, ReadOnlySpan<double> x, Span<double> values, Span<double> derivatives)
        where TKernel : struct, IElementwiseKernel
    {
        var done = 0;
        if (Simd512.IsHardwareAccelerated)
        {
            done = EvaluateVectors<TKernel, Simd512>(kernel, x, values, derivatives);
        }
        else if (Simd256.IsHardwareAccelerated)
        {
            done = EvaluateVectors<TKernel, Simd256>(kernel, x, values, derivatives);
        }
        else if (Simd128.IsHardwareAccelerated)
        {
            done = EvaluateVectors<TKernel, Simd128>(kernel, x, values, derivatives);
        }

        for (var i = done; i < x.Length; i++)
        {
            values[i] = scalar.Value(x[i]);
            derivatives[i] = scalar.Derivative(x[i]);
        }
    }

    /// <summary>The single-precision form: <paramref name="singlePrecision"/> has its parameters rounded to single.</summary>
    public static void Evaluate<TKernel>(TKernel kernel, Activation singlePrecision, ReadOnlySpan<float> x, Span<float> values, Span<float> derivatives)
        where TKernel : struct, IElementwiseKernel
    {
        var done = 0;
        if (Simd512.IsHardwareAccelerated)
        {
            done = EvaluateVectors<TKernel, Simd512>(kernel, x, values, derivatives);
        }
        else if (Simd256.IsHardwareAccelerated)
        {
            done = EvaluateVectors<TKernel, Simd256>(kernel, x, values, derivatives);
        }
        else if (Simd128.IsHardwareAccelerated)
        {
            done = EvaluateVectors<TKernel, Simd128>(kernel, x, values, derivatives);
        }

        for (var i = done; i < x.Length; i++)
        {
            values[i] = (float)singlePrecision.Value((double)x[i]);
            derivatives[i] = (float)singlePrecision.Derivative((double)x[i]);
        }
    }

    public static void EvaluateValues<TKernel>(TKernel kernel, Activation scalar, ReadOnlySpan<double> x, Span<double> values)
        where TKernel : struct, IElementwiseKernel
    {
        var done = 0;
        if (Simd512.IsHardwareAccelerated)
        {
            done = EvaluateValueVectors<TKernel, Simd512>(kernel, x, values);
        }
        else if (Simd256.IsHardwareAccelerated)
        {
            done = EvaluateValueVectors<TKernel, Simd256>(kernel, x, values);
        }
        else if (Simd128.IsHardwareAccelerated)
        {
            done = EvaluateValueVectors<TKernel, Simd128>(kernel, x, values);
        }

        for (var i = done; i < x.Length; i++)
        {
            values[i] = scalar.Value(x[i]);
        }
    }

    public static void EvaluateValues<TKernel>(TKernel kernel, Activation singlePrecision, ReadOnlySpan<float> x, Span<float> values)
        where TKernel : struct, IElementwiseKernel
    {
        var done = 0;
        if (Simd512.IsHardwareAccelerated)
        {
            done = EvaluateValueVectors<TKernel, Simd512>(kernel, x, values);
        }
        else if (Simd256.IsHardwareAccelerated)
        {
            done = EvaluateValueVectors<TKernel, Simd256>(kernel, x, values);
        }
        else if (Simd128.IsHardwareAccelerated)
        {
            done = EvaluateValueVectors<TKernel, Simd128>(kernel, x, values);
        }

        for (var i = done; i < x.Length; i++)
        {
            values[i] = (float)singlePrecision.Value((double)x[i]);
        }
    }

    /// <summary>Evaluates whole vectors and returns how many elements were done.</summary>
    internal static int EvaluateVectors<TKernel, TVector>(TKernel kernel, ReadOnlySpan<double> x, Span<double> values, Span<double> derivatives)
        where TKernel : struct, IElementwiseKernel
        where TVector : struct, ISimdDouble<TVector>
    {
        var count = TVector.Count;
        var i = 0;
        for (; i <= x.Length - count; i += count)
        {
            var input = TVector.Load(x, i);
            TVector.Store(kernel.Value(input), values, i);
            TVector.Store(kernel.Derivative(input), derivatives, i);
        }

        return i;
    }

    /// <summary>Evaluates whole pairs of vectors in single precision and returns how many elements were done.</summary>
    internal static int EvaluateVectors<TKernel, TVector>(TKernel kernel, ReadOnlySpan<float> x, Span<float> values, Span<float> derivatives)
        where TKernel : struct, IElementwiseKernel
        where TVector : struct, ISimdDouble<TVector>
    {
        var count = 2 * TVector.Count;
        var i = 0;
        for (; i <= x.Length - count; i += count)
        {
            var (lower, upper) = TVector.LoadWidened(x, i);
            TVector.StoreNarrowed(kernel.Value(lower), kernel.Value(upper), values, i);
            TVector.StoreNarrowed(kernel.Derivative(lower), kernel.Derivative(upper), derivatives, i);
        }

        return i;
    }

    internal static int EvaluateValueVectors<TKernel, TVector>(TKernel kernel, ReadOnlySpan<double> x, Span<double> values)
        where TKernel : struct, IElementwiseKernel
        where TVector : struct, ISimdDouble<TVector>
    {
        var count = TVector.Count;
        var i = 0;
        for (; i <= x.Length - count; i += count)
        {
            TVector.Store(kernel.Value(TVector.Load(x, i)), values, i);
        }

        return i;
    }

    internal static int EvaluateValueVectors<TKernel, TVector>(TKernel kernel, ReadOnlySpan<float> x, Span<float> values)
        where TKernel : struct, IElementwiseKernel
        where TVector : struct, ISimdDouble<TVector>
    {
        var count = 2 * TVector.Count;
        var i = 0;
        for (; i <= x.Length - count; i += count)
        {
            var (lower, upper) = TVector.LoadWidened(x, i);
            TVector.StoreNarrowed(kernel.Value(lower), kernel.Value(upper), values, i);
        }

        return i;
    }
}
