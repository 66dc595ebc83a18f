namespace SigmoidService.Domain.Datasets;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014) with Box-Muller normals: fully specified, so a seed gives the
/// same data on every platform and .NET version, unlike <see cref="Random"/>.
/// </summary>
internal sealed class SplitMixRandom(long seed)
{
    private ulong _state = unchecked((ulong)seed);

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

    /// <summary>Returns a uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Returns a uniform double in [low, high).</summary>
    public double NextUniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>Returns a uniform integer in [0, count).</summary>
    public int NextInt(int count) => (int)(NextDouble() * count);

    /// <summary>Returns a standard normal draw (Box-Muller, cosine branch).</summary>
    public double NextNormal()
    {
        var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - NextDouble()));
        return radius * Math.Cos(2.0 * Math.PI * NextDouble());
    }
}
