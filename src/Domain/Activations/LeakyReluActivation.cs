namespace SigmoidService.Domain.Activations;

/// <summary>
/// leaky_relu(x) = x for x &gt; 0 and alpha x otherwise (PyTorch's negative_slope, default 0.01); the
/// derivative is 1 for x &gt; 0 and alpha otherwise, alpha at the kink as in PyTorch.
/// </summary>
public sealed class LeakyReluActivation : Activation
{
    public static readonly ActivationInfo Description = new(
        Name: "leaky-relu",
        DisplayName: "Leaky ReLU",
        Formula: "leaky_relu(x) = x if x > 0, else alpha * x",
        DerivativeFormula: "leaky_relu'(x) = 1 if x > 0, else alpha",
        Latex: @"\operatorname{LeakyReLU}(x) = \begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases}",
        DerivativeLatex: @"\operatorname{LeakyReLU}'(x) = \begin{cases} 1 & x > 0 \\ \alpha & x \le 0 \end{cases}",
        Range: ActivationRange.RealLine,
        Properties: new ActivationProperties(Bounded: false, Monotonic: true, ZeroCentered: false, Smooth: false),
        Parameters: [new ActivationParameter("alpha", 0.01, "The slope for x <= 0 (PyTorch's negative_slope).")],
        Domain: ActivationRange.RealLine);

    private readonly double _alpha;

    public LeakyReluActivation()
        : this(null)
    {
    }

    private LeakyReluActivation(IReadOnlyList<double>? parameterValues)
        : base(Description, parameterValues)
    {
        _alpha = ParameterValues[0];
    }

    public override double Value(double x)
    {
        if (double.IsNaN(x) || x > 0)
        {
            return x;
        }

        // 0 * -Infinity would be NaN; the limit is 0.
        return _alpha == 0 ? 0.0 : _alpha * x;
    }

    public override double Derivative(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        return x > 0 ? 1.0 : _alpha;
    }

    public override void Evaluate(ReadOnlySpan<double> x, Span<double> values, Span<double> derivatives)
    {
        CheckLengths(x.Length, values.Length, derivatives.Length);
        ElementwiseKernel.Evaluate(new Kernel(_alpha), this, x, values[..x.Length], derivatives[..x.Length]);
    }

    public override void Evaluate(ReadOnlySpan<float> x, Span<float> values, Span<float> derivatives)
    {
        CheckLengths(x.Length, values.Length, derivatives.Length);
        ElementwiseKernel.Evaluate(new Kernel(((LeakyReluActivation)SinglePrecision)._alpha), SinglePrecision, x, values[..x.Length], derivatives[..x.Length]);
    }

    public override void EvaluateValues(ReadOnlySpan<double> x, Span<double> values)
    {
        CheckLengths(x.Length, values.Length, values.Length);
        ElementwiseKernel.EvaluateValues(new Kernel(_alpha), this, x, values[..x.Length]);
    }

    public override void EvaluateValues(ReadOnlySpan<float> x, Span<float> values)
    {
        CheckLengths(x.Length, values.Length, values.Length);
        ElementwiseKernel.EvaluateValues(new Kernel(((LeakyReluActivation)SinglePrecision)._alpha), SinglePrecision, x, values[..x.Length]);
    }

    protected override Activation Create(IReadOnlyList<double> parameterValues) => new LeakyReluActivation(parameterValues);

    /// <summary>The vector form of <see cref="LeakyReluActivation.Value(double)"/> and <see cref="LeakyReluActivation.Derivative(double)"/>.</summary>
    internal readonly struct Kernel(double alpha) : IElementwiseKernel
    {
        public TVector Value<TVector>(TVector x)
            where TVector : struct, ISimdDouble<TVector>
        {
            // A NaN lane fails the comparison and keeps x.
            var zero = TVector.Create(0.0);
            var scaled = alpha == 0 ? zero : TVector.Create(alpha) * x;
            return TVector.Select(TVector.GreaterThanOrEqual(zero, x), scaled, x);
        }

        public TVector Derivative<TVector>(TVector x)
            where TVector : struct, ISimdDouble<TVector>
        {
            var otherwise = TVector.Select(TVector.IsNaN(x), x, TVector.Create(alpha));
            return TVector.Select(TVector.LessThan(TVector.Create(0.0), x), TVector.Create(1.0), otherwise);
        }
    }
}
