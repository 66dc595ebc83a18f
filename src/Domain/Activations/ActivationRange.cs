namespace SigmoidService.Domain.Activations;

/// <summary>A closed or open interval of the real line; infinite ends are <see cref="double.PositiveInfinity"/> and <see cref="double.NegativeInfinity"/>.</summary>
/// <param name="Min">The lower end (the infimum).</param>
/// <param name="Max">The upper end (the supremum).</param>
public sealed record ActivationRange(double Min, double Max)
{
    public static readonly ActivationRange RealLine = new(double.NegativeInfinity, double.PositiveInfinity);

    public bool Contains(double value) => value >= Min && value <= Max;
}
