namespace SigmoidService.Domain.Networks;

/// <summary>Fills f(x) and f'(x) for every element of <paramref name="x"/>.</summary>
public delegate void SpanEvaluator(ReadOnlySpan<double> x, Span<double> values, Span<double> derivatives);
