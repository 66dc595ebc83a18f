namespace SigmoidService.Domain.Activations;

/// <summary>relu(x) = max(0, x); the derivative is 1 for x &gt; 0 and 0 otherwise, 0 at the kink as in PyTorch.</summary>
public sealed class ReluActivation : Activation
{
    public static readonly ActivationInfo Description = new(
        Name: "relu",
        DisplayName: "ReLU",
        Formula: "relu(x) = max(0, x)",
        DerivativeFormula: "relu'(x) = 1 if x > 0, else 0",
        Latex: @"\operatorname{ReLU}(x) = \max(0, x)",
        DerivativeLatex: @"\operatorname{ReLU}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}",
        Range: new ActivationRange(0.0, double.PositiveInfinity),
        Properties: new ActivationProperties(Bounded: false, Monotonic: true, ZeroCentered: false, Smooth: false),
        Parameters: [],
        Domain: ActivationRange.RealLine);

    public ReluActivation()
        : base(Description)
    {
    }

    public override double Value(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        return x > 0 ? x : 0.0;
    }

    public override double Derivative(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        return x > 0 ? 1.0 : 0.0;
    }

    public override void Evaluate(ReadOnlySpan<double> x, Span<double> values, Span<double> derivatives)
    {
        CheckLengths(x.Length, values.Length, derivatives.Length);
        ElementwiseKernel.Evaluate(default(Kernel), this, x, values[..x.Length], derivatives[..x.Length]);
    }

    public override void Evaluate(ReadOnlySpan<float> x, Span<float> values, Span<float> derivatives)
    {
        CheckLengths(x.Length, values.Length, derivatives.Length);
        ElementwiseKernel.Evaluate(default(Kernel), SinglePrecision, x, values[..x.Length], derivatives[..x.Length]);
    }

    public override void EvaluateValues(ReadOnlySpan<double> x, Span<double> values)
    {
        CheckLengths(x.Length, values.Length, values.Length);
        ElementwiseKernel.EvaluateValues(default(Kernel), this, x, values[..x.Length]);
    }

    public override void EvaluateValues(ReadOnlySpan<float> x, Span<float> values)
    {
        CheckLengths(x.Length, values.Length, values.Length);
        ElementwiseKernel.EvaluateValues(default(Kernel), SinglePrecision, x, values[..x.Length]);
    }

    protected override Activation Create(IReadOnlyList<double> parameterValues) => this;

    /// <summary>The vector form of <see cref="ReluActivation.Value(double)"/> and <see cref="ReluActivation.Derivative(double)"/>.</summary>
    internal readonly struct Kernel : IElementwiseKernel
    {
        public TVector Value<TVector>(TVector x)
            where TVector : struct, ISimdDouble<TVector>
        {
            // A NaN lane fails the comparison and keeps x; -0 gives +0 as in the scalar path.
            var zero = TVector.Create(0.0);
            return TVector.Select(TVector.GreaterThanOrEqual(zero, x), zero, x);
        }

        public TVector Derivative<TVector>(TVector x)
            where TVector : struct, ISimdDouble<TVector>
        {
            var zero = TVector.Create(0.0);
            var otherwise = TVector.Select(TVector.IsNaN(x), x, zero);
            return TVector.Select(TVector.LessThan(zero, x), TVector.Create(1.0), otherwise);
        }
    }
}
