using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SigmoidService.Domain.Activations;

/// <summary><see cref="ISimdDouble{TSelf}"/> on 512-bit vectors (AVX-512).</summary>
internal readonly struct Simd512(Vector512<double> value) : ISimdDouble<Simd512>
{
    public Vector512<double> Value { get; } = value;

    public static int Count => Vector512<double>.Count;

    public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 Create(double value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 Load(ReadOnlySpan<double> source, int offset) => new(Vector512.Create(source.Slice(offset, Count)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Simd512 value, Span<double> destination, int offset)
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
    public static (Simd512 Lower, Simd512 Upper) LoadWidened(ReadOnlySpan<float> source, int offset)
    {
        var (lower, upper) = Vector512.Widen(Vector512.Create(source.Slice(offset, 2 * Count)));
        return (new(lower), new(upper));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNarrowed(Simd512 lower, Simd512 upper, Span<float> destination, int offset) =>
        Vector512.Narrow(lower.Value, upper.Value).CopyTo(destination.Slice(offset, 2 * Count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 operator +(Simd512 a, Simd512 b) => new(a.Value + b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 operator -(Simd512 a, Simd512 b) => new(a.Value - b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 operator -(Simd512 a) => new(-a.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 operator *(Simd512 a, Simd512 b) => new(a.Value * b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 operator /(Simd512 a, Simd512 b) => new(a.Value / b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 FusedMultiplyAdd(Simd512 a, Simd512 b, Simd512 c) => new(Vector512.FusedMultiplyAdd(a.Value, b.Value, c.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 Abs(Simd512 a) => new(Vector512.Abs(a.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 Min(Simd512 a, Simd512 b) => new(Vector512.MinNative(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 Max(Simd512 a, Simd512 b) => new(Vector512.MaxNative(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 Round(Simd512 a) => new(Vector512.Round(a.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 LessThan(Simd512 a, Simd512 b) => new(Vector512.LessThan(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 GreaterThanOrEqual(Simd512 a, Simd512 b) => new(Vector512.GreaterThanOrEqual(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 IsNaN(Simd512 a) => new(~Vector512.Equals(a.Value, a.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 Select(Simd512 mask, Simd512 whenTrue, Simd512 whenFalse) =>
        new(Vector512.ConditionalSelect(mask.Value, whenTrue.Value, whenFalse.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Simd512 mask) => Vector512.ExtractMostSignificantBits(mask.Value) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool All(Simd512 mask) => Vector512.EqualsAll(mask.Value.AsUInt64(), Vector512<ulong>.AllBitsSet);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 PowerOfTwo(Simd512 k)
    {
        // Adding 2^52 + 1023 puts the biased exponent k + 1023 in the low mantissa bits. Shifting those bits
        // into the exponent field gives the double 2^k, for integral k in [-1022, 1023].
        var biased = (k.Value + Vector512.Create(4503599627371519.0)).AsInt64();
        return new(Vector512.ShiftLeft(biased, 52).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Simd512 Lookup16(Simd512 index, ReadOnlySpan<double> table)
    {
        var lower = Vector512.Create(table[..8]);
        var upper = Vector512.Create(table[8..16]);
        if (Avx512F.IsSupported)
        {
            // vpermt2pd reads the low 4 bits of each index: bit 3 picks the vector, bits 0 to 2 the lane.
            return new(Avx512F.PermuteVar8x64x2(lower, index.Value.AsInt64(), upper));
        }

        var bits = index.Value.AsInt64() & Vector512.Create(15L);
        var fromLower = Vector512.Shuffle(lower, bits & Vector512.Create(7L));
        var fromUpper = Vector512.Shuffle(upper, bits & Vector512.Create(7L));
        return new(Vector512.ConditionalSelect(Vector512.GreaterThan(bits, Vector512.Create(7L)).AsDouble(), fromUpper, fromLower));
    }
}
