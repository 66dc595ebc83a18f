namespace SigmoidService.Domain.Activations;

/// <summary>
/// The logistic sigmoid sigma(x) = 1 / (1 + exp(-x)), with sigma'(x) = sigma(x) sigma(-x).
/// </summary>
/// <remarks>
/// Computed as 1 / (1 + e) for x &gt;= 0 and e / (1 + e) for x &lt; 0 with e = exp(-|x|) in double-double,
/// so subnormal results below x = -708 keep their digits (sigma(-745) = 4.9e-324) and the derivative stays
/// positive where the textbook s (1 - s) is 0 (x &gt;= 37). Arrays go through a vectorised kernel with the
/// same accuracy.
/// </remarks>
public sealed class SigmoidActivation : Activation
{
    public static readonly ActivationInfo Description = new(
        Name: "sigmoid",
        DisplayName: "Sigmoid",
        Formula: "sigmoid(x) = 1 / (1 + exp(-x))",
        DerivativeFormula: "sigmoid'(x) = sigmoid(x) * (1 - sigmoid(x))",
        Latex: @"\sigma(x) = \frac{1}{1 + e^{-x}}",
        DerivativeLatex: @"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)",
        Range: new ActivationRange(0.0, 1.0),
        Properties: new ActivationProperties(Bounded: true, Monotonic: true, ZeroCentered: false, Smooth: true),
        Parameters: [],
        Domain: ActivationRange.RealLine);

    public SigmoidActivation()
        : base(Description)
    {
    }

    public override double Value(double x) => x switch
    {
        double.PositiveInfinity => 1.0,
        double.NegativeInfinity => 0.0,
        _ when double.IsNaN(x) => x,
        _ => LogisticMath.Logistic(x).ToDouble(),
    };

    public override double Derivative(double x) =>
        double.IsInfinity(x) ? 0.0 : double.IsNaN(x) ? x : LogisticMath.LogisticDerivative(x).ToDouble();

    public override void Evaluate(ReadOnlySpan<double> x, Span<double> values, Span<double> derivatives)
    {
        CheckLengths(x.Length, values.Length, derivatives.Length);
        SigmoidKernel.Evaluate(x, values[..x.Length], derivatives[..x.Length]);
    }

    public override void Evaluate(ReadOnlySpan<float> x, Span<float> values, Span<float> derivatives)
    {
        CheckLengths(x.Length, values.Length, derivatives.Length);
        SigmoidKernel.Evaluate(x, values[..x.Length], derivatives[..x.Length]);
    }

    public override void EvaluateValues(ReadOnlySpan<double> x, Span<double> values)
    {
        CheckLengths(x.Length, values.Length, values.Length);
        SigmoidKernel.EvaluateValues(x, values[..x.Length]);
    }

    public override void EvaluateValues(ReadOnlySpan<float> x, Span<float> values)
    {
        CheckLengths(x.Length, values.Length, values.Length);
        SigmoidKernel.EvaluateValues(x, values[..x.Length]);
    }

    protected override Activation Create(IReadOnlyList<double> parameterValues) => this;
}
