using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SigmoidService.Domain.Activations;

/// <summary><see cref="ISimdDouble{TSelf}"/> on 128-bit vectors (SSE, Arm AdvSIMD).</summary>
internal readonly struct Simd128(Vector128<double> value) : ISimdDouble<Simd128>
{
    public Vector128<double> Value { get; } = value;

    public static int Count => Vector128<double>.Count;

    public static bool IsHardwareAccelerated => Vector128.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 Create(double value) => new(Vector128.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 Load(ReadOnlySpan<double> source, int offset) => new(Vector128.Create(source.Slice(offset, Count)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Simd128 value, Span<double> destination, int offset)
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
    public static (Simd128 Lower, Simd128 Upper) LoadWidened(ReadOnlySpan<float> source, int offset)
    {
        var (lower, upper) = Vector128.Widen(Vector128.Create(source.Slice(offset, 2 * Count)));
        return (new(lower), new(upper));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowed(Simd128 lower, Simd128 upper, Span<float> destination, int offset) =>
        Vector128.Narrow(lower.Value, upper.Value).CopyTo(destination.Slice(offset, 2 * Count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 operator +(Simd128 a, Simd128 b) => new(a.Value + b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 operator -(Simd128 a, Simd128 b) => new(a.Value - b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 operator -(Simd128 a) => new(-a.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 operator *(Simd128 a, Simd128 b) => new(a.Value * b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 operator /(Simd128 a, Simd128 b) => new(a.Value / b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 FusedMultiplyAdd(Simd128 a, Simd128 b, Simd128 c) => new(Vector128.FusedMultiplyAdd(a.Value, b.Value, c.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 Abs(Simd128 a) => new(Vector128.Abs(a.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 Min(Simd128 a, Simd128 b) => new(Vector128.MinNative(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 Max(Simd128 a, Simd128 b) => new(Vector128.MaxNative(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 Round(Simd128 a) => new(Vector128.Round(a.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 LessThan(Simd128 a, Simd128 b) => new(Vector128.LessThan(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 GreaterThanOrEqual(Simd128 a, Simd128 b) => new(Vector128.GreaterThanOrEqual(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 IsNaN(Simd128 a) => new(~Vector128.Equals(a.Value, a.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 Select(Simd128 mask, Simd128 whenTrue, Simd128 whenFalse) =>
        new(Vector128.ConditionalSelect(mask.Value, whenTrue.Value, whenFalse.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Simd128 mask) => Vector128.ExtractMostSignificantBits(mask.Value) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool All(Simd128 mask) => Vector128.EqualsAll(mask.Value.AsUInt64(), Vector128<ulong>.AllBitsSet);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 PowerOfTwo(Simd128 k)
    {
        // Adding 2^52 + 1023 puts the biased exponent k + 1023 in the low mantissa bits. Shifting those bits
        // into the exponent field gives the double 2^k, for integral k in [-1022, 1023].
        var biased = (k.Value + Vector128.Create(4503599627371519.0)).AsInt64();
        return new(Vector128.ShiftLeft(biased, 52).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd128 Lookup16(Simd128 index, ReadOnlySpan<double> table)
    {
        // NOTE: without a two-register permute at this width the lookup goes lane by lane.
        var bits = index.Value.AsInt64();
        return new(Vector128.Create(table[(int)(bits[0] & 15)], table[(int)(bits[1] & 15)]));
    }
}
