namespace SigmoidService.Domain.Activations;

/// <summary>
/// elu(x) = x for x &gt; 0 and alpha (exp(x) - 1) otherwise (default alpha 1); the derivative is 1 for
/// x &gt; 0 and alpha exp(x) otherwise, alpha at 0 as in PyTorch. exp(x) - 1 is an exact expm1.
/// </summary>
public sealed class EluActivation : Activation
{
    public static readonly ActivationInfo Description = new(
        Name: "elu",
        DisplayName: "ELU",
        Formula: "elu(x) = x if x > 0, else alpha * (exp(x) - 1)",
        DerivativeFormula: "elu'(x) = 1 if x > 0, else alpha * exp(x)",
        Latex: @"\operatorname{ELU}(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}",
        DerivativeLatex: @"\operatorname{ELU}'(x) = \begin{cases} 1 & x > 0 \\ \alpha\,e^{x} & x \le 0 \end{cases}",
        Range: new ActivationRange(-1.0, double.PositiveInfinity),
        Properties: new ActivationProperties(Bounded: false, Monotonic: true, ZeroCentered: false, Smooth: false),
        Parameters: [new ActivationParameter("alpha", 1.0, "The value elu approaches as x goes to -Infinity, negated.")],
        Domain: ActivationRange.RealLine);

    private readonly double _alpha;

    public EluActivation()
        : this(null)
    {
    }

    private EluActivation(IReadOnlyList<double>? parameterValues)
        : base(Description, parameterValues)
    {
        _alpha = ParameterValues[0];
    }

    public override double Value(double x) => ExponentialLinear(x, _alpha, 1.0);

    public override double Derivative(double x) => ExponentialLinearDerivative(x, _alpha, 1.0);

    /// <summary>scale * (x if x &gt; 0, else alpha (exp(x) - 1)), rounded once; shared with SELU.</summary>
    internal static double ExponentialLinear(double x, double alpha, double scale)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x > 0)
        {
            return scale * x;
        }

        var coefficient = DoubleDouble.TwoProduct(scale, alpha);
        if (double.IsNegativeInfinity(x))
        {
            return -coefficient.Value;
        }

        return (coefficient * DoubleDoubleMath.Expm1(x)).Value;
    }

    /// <summary>scale if x &gt; 0, else scale alpha exp(x), rounded once; shared with SELU.</summary>
    internal static double ExponentialLinearDerivative(double x, double alpha, double scale)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x > 0)
        {
            return scale;
        }

        var coefficient = DoubleDouble.TwoProduct(scale, alpha);
        return (DoubleDoubleMath.Exp(x) * coefficient).ToDouble();
    }

    protected override Activation Create(IReadOnlyList<double> parameterValues) => new EluActivation(parameterValues);
}
