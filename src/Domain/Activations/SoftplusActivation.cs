namespace SigmoidService.Domain.Activations;

/// <summary>
/// softplus(x) = log(1 + exp(beta x)) / beta (default beta 1), with derivative sigma(beta x), computed
/// exactly everywhere: unlike PyTorch's, it does not switch to x above a threshold.
/// </summary>
/// <remarks>beta x is taken exactly as a double-double, so a beta other than 1 costs no accuracy.</remarks>
public sealed class SoftplusActivation : Activation
{
    public static readonly ActivationInfo Description = new(
        Name: "softplus",
        DisplayName: "Softplus",
        Formula: "softplus(x) = log(1 + exp(beta * x)) / beta",
        DerivativeFormula: "softplus'(x) = sigmoid(beta * x)",
        Latex: @"\operatorname{softplus}(x) = \frac{1}{\beta}\log\left(1 + e^{\beta x}\right)",
        DerivativeLatex: @"\operatorname{softplus}'(x) = \sigma(\beta x)",
        Range: new ActivationRange(0.0, double.PositiveInfinity),
        Properties: new ActivationProperties(Bounded: false, Monotonic: true, ZeroCentered: false, Smooth: true),
        Parameters: [new ActivationParameter("beta", 1.0, "The sharpness: larger beta brings softplus closer to relu.", MustBePositive: true)],
        Domain: ActivationRange.RealLine);

    private readonly double _beta;

    public SoftplusActivation()
        : this(null)
    {
    }

    private SoftplusActivation(IReadOnlyList<double>? parameterValues)
        : base(Description, parameterValues)
    {
        _beta = ParameterValues[0];
    }

    public override double Value(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        var z = DoubleDouble.TwoProduct(_beta, x);
        if (!double.IsFinite(z.Hi))
        {
            return x > 0 ? x : 0.0;
        }

        return (LogisticMath.Softplus(z) / _beta).ToDouble();
    }

    public override double Derivative(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        var z = DoubleDouble.TwoProduct(_beta, x);
        if (!double.IsFinite(z.Hi))
        {
            return x > 0 ? 1.0 : 0.0;
        }

        return LogisticMath.Logistic(z).ToDouble();
    }

    protected override Activation Create(IReadOnlyList<double> parameterValues) => new SoftplusActivation(parameterValues);
}
