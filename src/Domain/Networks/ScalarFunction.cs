namespace SigmoidService.Domain.Networks;

/// <summary>
/// An element-wise activation with its derivative, as the network building blocks apply it. The API
/// resolves catalogue names to these, so the networks use the catalogue's exact definitions.
/// </summary>
/// <param name="Name">The catalogue name, such as <c>sigmoid</c>.</param>
/// <param name="Value">The activation f(z).</param>
/// <param name="Derivative">The derivative f'(z), with PyTorch's value at kinks (ReLU'(0) = 0).</param>
public sealed record ScalarFunction(string Name, Func<double, double> Value, Func<double, double> Derivative)
{
    /// <summary>
    /// An optional batch form that fills values and derivatives for a whole span at once, such as the
    /// catalogue's vectorised kernels; it must agree with <see cref="Value"/> and <see cref="Derivative"/>.
    /// </summary>
    public SpanEvaluator? Evaluate { get; init; }

    /// <summary>Fills f(z) and f'(z) for every element of <paramref name="z"/>.</summary>
    public void EvaluateAll(ReadOnlySpan<double> z, Span<double> values, Span<double> derivatives)
    {
        if (Evaluate is { } evaluate)
        {
            evaluate(z, values, derivatives);
            return;
        }

        for (var i = 0; i < z.Length; i++)
        {
            values[i] = Value(z[i]);
            derivatives[i] = Derivative(z[i]);
        }
    }
}
