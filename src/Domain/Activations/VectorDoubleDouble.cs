using System.Runtime.CompilerServices;

namespace SigmoidService.Domain.Activations;

/// <summary>
/// The operations of <see cref="DoubleDouble"/> on vectors, lane by lane, with the same steps in the same
/// order, so that each lane's result is bit-identical to the scalar one.
/// </summary>
internal static class VectorDoubleDouble
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TVector Hi, TVector Lo) TwoSum<TVector>(TVector a, TVector b)
        where TVector : struct, ISimdDouble<TVector>
    {
        var sum = a + b;
        var bVirtual = sum - a;
        var aVirtual = sum - bVirtual;
        var error = (a - aVirtual) + (b - bVirtual);
        return (sum, error);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TVector Hi, TVector Lo) FastTwoSum<TVector>(TVector a, TVector b)
        where TVector : struct, ISimdDouble<TVector>
    {
        var sum = a + b;
        return (sum, b - (sum - a));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TVector Hi, TVector Lo) TwoProduct<TVector>(TVector a, TVector b)
        where TVector : struct, ISimdDouble<TVector>
    {
        var product = a * b;
        return (product, TVector.FusedMultiplyAdd(a, b, -product));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TVector Hi, TVector Lo) Add<TVector>((TVector Hi, TVector Lo) a, (TVector Hi, TVector Lo) b)
        where TVector : struct, ISimdDouble<TVector>
    {
        var high = TwoSum(a.Hi, b.Hi);
        var low = TwoSum(a.Lo, b.Lo);
        var sum = FastTwoSum(high.Hi, high.Lo + low.Hi);
        return FastTwoSum(sum.Hi, sum.Lo + low.Lo);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TVector Hi, TVector Lo) Add<TVector>((TVector Hi, TVector Lo) a, TVector b)
        where TVector : struct, ISimdDouble<TVector>
    {
        var high = TwoSum(a.Hi, b);
        return FastTwoSum(high.Hi, high.Lo + a.Lo);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TVector Hi, TVector Lo) Subtract<TVector>((TVector Hi, TVector Lo) a, (TVector Hi, TVector Lo) b)
        where TVector : struct, ISimdDouble<TVector> =>
        Add(a, (-b.Hi, -b.Lo));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TVector Hi, TVector Lo) Multiply<TVector>((TVector Hi, TVector Lo) a, (TVector Hi, TVector Lo) b)
        where TVector : struct, ISimdDouble<TVector>
    {
        var product = TwoProduct(a.Hi, b.Hi);
        var low = product.Lo + ((a.Hi * b.Lo) + (a.Lo * b.Hi));
        return FastTwoSum(product.Hi, low);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TVector Hi, TVector Lo) Multiply<TVector>((TVector Hi, TVector Lo) a, TVector b)
        where TVector : struct, ISimdDouble<TVector>
    {
        var product = TwoProduct(a.Hi, b);
        return FastTwoSum(product.Hi, TVector.FusedMultiplyAdd(a.Lo, b, product.Lo));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TVector Hi, TVector Lo) Divide<TVector>((TVector Hi, TVector Lo) a, (TVector Hi, TVector Lo) b)
        where TVector : struct, ISimdDouble<TVector>
    {
        var first = a.Hi / b.Hi;
        var remainder = Subtract(a, Multiply(b, first));
        var second = remainder.Hi / b.Hi;
        remainder = Subtract(remainder, Multiply(b, second));
        var third = remainder.Hi / b.Hi;
        var quotient = FastTwoSum(first, second);
        return Add(quotient, third);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TVector Hi, TVector Lo) Divide<TVector>((TVector Hi, TVector Lo) a, TVector b)
        where TVector : struct, ISimdDouble<TVector>
    {
        var first = a.Hi / b;
        var product = TwoProduct(first, b);
        var remainder = (a.Hi - product.Hi - product.Lo) + a.Lo;
        return FastTwoSum(first, remainder / b);
    }

    /// <summary>The lanes where both masks are set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector And<TVector>(TVector a, TVector b)
        where TVector : struct, ISimdDouble<TVector> =>
        TVector.Select(a, b, TVector.Create(0.0));
}
