namespace SigmoidService.Domain.Activations;

/// <summary>
/// The double-precision vector operations the activation kernels use, implemented once per vector width
/// so that one generic kernel compiles to AVX-512, AVX2 or 128-bit code. Masks are vectors whose lanes are
/// all ones (true) or all zeros (false).
/// </summary>
internal interface ISimdDouble<TSelf>
    where TSelf : struct, ISimdDouble<TSelf>
{
    static abstract int Count { get; }

    static abstract bool IsHardwareAccelerated { get; }

    static abstract TSelf Create(double value);

    static abstract TSelf Load(ReadOnlySpan<double> source, int offset);

    static abstract void Store(TSelf value, Span<double> destination, int offset);

    /// <summary>Loads 2 * Count singles and widens them to two vectors of doubles.</summary>
    static abstract (TSelf Lower, TSelf Upper) LoadWidened(ReadOnlySpan<float> source, int offset);

    /// <summary>Rounds two vectors of doubles to single (to nearest) and stores the 2 * Count results.</summary>
    static abstract void StoreNarrowed(TSelf lower, TSelf upper, Span<float> destination, int offset);

    static abstract TSelf operator +(TSelf a, TSelf b);

    static abstract TSelf operator -(TSelf a, TSelf b);

    static abstract TSelf operator -(TSelf a);

    static abstract TSelf operator *(TSelf a, TSelf b);

    static abstract TSelf operator /(TSelf a, TSelf b);

    /// <summary>a * b + c with one rounding.</summary>
    static abstract TSelf FusedMultiplyAdd(TSelf a, TSelf b, TSelf c);

    static abstract TSelf Abs(TSelf a);

    /// <summary>The smaller of a and b; which of the two a NaN lane gives depends on the hardware.</summary>
    static abstract TSelf Min(TSelf a, TSelf b);

    /// <summary>The larger of a and b; which of the two a NaN lane gives depends on the hardware.</summary>
    static abstract TSelf Max(TSelf a, TSelf b);

    /// <summary>Rounds to the nearest integer, ties to even.</summary>
    static abstract TSelf Round(TSelf a);

    static abstract TSelf LessThan(TSelf a, TSelf b);

    static abstract TSelf GreaterThanOrEqual(TSelf a, TSelf b);

    static abstract TSelf IsNaN(TSelf a);

    static abstract TSelf Select(TSelf mask, TSelf whenTrue, TSelf whenFalse);

    static abstract bool Any(TSelf mask);

    static abstract bool All(TSelf mask);

    /// <summary>2^k for integral k in [-1022, 1023].</summary>
    static abstract TSelf PowerOfTwo(TSelf k);

    /// <summary>
    /// Looks up <c>table[j]</c> in each lane, where j is the lowest 4 bits of the lane's bit pattern and
    /// <paramref name="table"/> has 16 entries.
    /// </summary>
    static abstract TSelf Lookup16(TSelf index, ReadOnlySpan<double> table);
}
