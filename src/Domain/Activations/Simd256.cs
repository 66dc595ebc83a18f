using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SigmoidService.Domain.Activations;

/// <summary><see cref="ISimdDouble{TSelf}"/> on 256-bit vectors (AVX2).</summary>
internal readonly struct Simd256(Vector256<double> value) : ISimdDouble<Simd256>
{
    public Vector256<double> Value { get; } = value;

    public static int Count => Vector256<double>.Count;

    public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 Create(double value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 Load(ReadOnlySpan<double> source, int offset) => new(Vector256.Create(source.Slice(offset, Count)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Simd256 value, Span<double> destination, int offset)
    {
        // The JIT expands StoreUnsafe even in a caller that has used up its inlining budget, and CopyTo then
        // stays a call. StoreUnsafe does not check bounds, so this method does.
        if (offset < 0 || offset > destination.Length - Count)
        {
            throw new ArgumentOutOfRangeException(nameof(offset));
        }

        value.Value.StoreUnsafe(ref MemoryMarshal.GetReference(destination), (nuint)offset);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Simd256 Lower, Simd256 Upper) LoadWidened(ReadOnlySpan<float> source, int offset)
    {
        var (lower, upper) = Vector256.Widen(Vector256.Create(source.Slice(offset, 2 * Count)));
        return (new(lower), new(upper));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowed(Simd256 lower, Simd256 upper, Span<float> destination, int offset) =>
        Vector256.Narrow(lower.Value, upper.Value).CopyTo(destination.Slice(offset, 2 * Count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 operator +(Simd256 a, Simd256 b) => new(a.Value + b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 operator -(Simd256 a, Simd256 b) => new(a.Value - b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 operator -(Simd256 a) => new(-a.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 operator *(Simd256 a, Simd256 b) => new(a.Value * b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 operator /(Simd256 a, Simd256 b) => new(a.Value / b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 FusedMultiplyAdd(Simd256 a, Simd256 b, Simd256 c) => new(Vector256.FusedMultiplyAdd(a.Value, b.Value, c.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 Abs(Simd256 a) => new(Vector256.Abs(a.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 Min(Simd256 a, Simd256 b) => new(Vector256.MinNative(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 Max(Simd256 a, Simd256 b) => new(Vector256.MaxNative(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 Round(Simd256 a) => new(Vector256.Round(a.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 LessThan(Simd256 a, Simd256 b) => new(Vector256.LessThan(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 GreaterThanOrEqual(Simd256 a, Simd256 b) => new(Vector256.GreaterThanOrEqual(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 IsNaN(Simd256 a) => new(~Vector256.Equals(a.Value, a.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 Select(Simd256 mask, Simd256 whenTrue, Simd256 whenFalse) =>
        new(Vector256.ConditionalSelect(mask.Value, whenTrue.Value, whenFalse.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Simd256 mask) => Vector256.ExtractMostSignificantBits(mask.Value) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool All(Simd256 mask) => Vector256.EqualsAll(mask.Value.AsUInt64(), Vector256<ulong>.AllBitsSet);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 PowerOfTwo(Simd256 k)
    {
        // Adding 2^52 + 1023 puts the biased exponent k + 1023 in the low mantissa bits. Shifting those bits
        // into the exponent field gives the double 2^k, for integral k in [-1022, 1023].
        var biased = (k.Value + Vector256.Create(4503599627371519.0)).AsInt64();
        return new(Vector256.ShiftLeft(biased, 52).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd256 Lookup16(Simd256 index, ReadOnlySpan<double> table)
    {
        // NOTE: without a two-register permute at this width the lookup goes lane by lane.
        var bits = index.Value.AsInt64();
        return new(Vector256.Create(table[(int)(bits[0] & 15)], table[(int)(bits[1] & 15)], table[(int)(bits[2] & 15)], table[(int)(bits[3] & 15)]));
    }
}
