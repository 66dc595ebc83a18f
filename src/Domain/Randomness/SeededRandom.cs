namespace SigmoidService.Domain.Randomness;

/// <summary>
/// A small, fully specified pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014), used wherever a
/// request takes a <c>seed</c> so that the same seed gives the same numbers on every platform and version,
/// and so that a reference script in another language can reproduce them.
/// </summary>
/// <remarks>
/// <para>The state starts at the seed. Each call adds 0x9E3779B97F4A7C15 to the state and mixes it:
/// <c>z = (z ^ (z &gt;&gt; 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z &gt;&gt; 27)) * 0x94D049BB133111EB; z ^ (z &gt;&gt; 31)</c>.</para>
/// <para><see cref="NextDouble"/> is <c>(next &gt;&gt; 11) * 2^-53</c>, in [0, 1). <see cref="NextUniform"/> is
/// <c>low + (high - low) * NextDouble()</c>. <see cref="NextNormal"/> is the Box-Muller cosine branch
/// <c>sqrt(-2 ln(1 - u1)) * cos(2 pi u2)</c> with two fresh draws per value (the sine branch is discarded).</para>
/// <para>It is not cryptographically secure and not bit-equal to PyTorch's or .NET's generators.</para>
/// </remarks>
public sealed class SeededRandom(ulong seed)
{
    private const double UnitScale = 1.0 / (1UL << 53);

    private ulong _state = seed;

    /// <summary>Creates a generator from a signed seed, reinterpreting its bits as unsigned.</summary>
    public SeededRandom(long seed)
        : this(unchecked((ulong)seed))
    {
    }

    /// <summary>Returns the next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Returns a uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * UnitScale;

    /// <summary>Returns a uniform double in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double NextUniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>Returns a standard normal sample by the Box-Muller transform, consuming two uniform draws.</summary>
    public double NextNormal()
    {
        // 1 - u1 lies in (0, 1], so the logarithm is finite.
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Fills <paramref name="destination"/> with uniform samples in [<paramref name="low"/>, <paramref name="high"/>), in order.</summary>
    public void FillUniform(Span<double> destination, double low, double high)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = NextUniform(low, high);
        }
    }

    /// <summary>Fills <paramref name="destination"/> with standard normal samples, in order.</summary>
    public void FillNormal(Span<double> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = NextNormal();
        }
    }
}
