namespace SigmoidService.Domain.Activations;

/// <summary>
/// silu(x) = x sigma(x) (also called swish), with derivative sigma(x) (1 + x (1 - sigma(x))).
/// </summary>
/// <remarks>
/// The derivative is written as (1 + e + x e) / (1 + e)^2 for x &gt;= 0 and e (1 + e + x) / (1 + e)^2 for
/// x &lt; 0 (e = exp(-|x|)) and evaluated in double-double, so it keeps its digits near its root at
/// x = -1.278 and in the subnormal range.
/// </remarks>
public sealed class SiluActivation : Activation
{
    public static readonly ActivationInfo Description = new(
        Name: "silu",
        DisplayName: "SiLU (swish)",
        Formula: "silu(x) = x * sigmoid(x)",
        DerivativeFormula: "silu'(x) = sigmoid(x) * (1 + x * (1 - sigmoid(x)))",
        Latex: @"\operatorname{SiLU}(x) = x\,\sigma(x)",
        DerivativeLatex: @"\operatorname{SiLU}'(x) = \sigma(x)\,\bigl(1 + x\,(1 - \sigma(x))\bigr)",
        Range: new ActivationRange(-0.2784645427610738, double.PositiveInfinity),
        Properties: new ActivationProperties(Bounded: false, Monotonic: false, ZeroCentered: false, Smooth: true),
        Parameters: [],
        Domain: ActivationRange.RealLine);

    public SiluActivation()
        : base(Description)
    {
    }

    public override double Value(double x) => x switch
    {
        double.PositiveInfinity => x,
        double.NegativeInfinity => -0.0,
        _ when double.IsNaN(x) => x,
        _ => (LogisticMath.Logistic(x) * x).ToDouble(),
    };

    public override double Derivative(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (double.IsInfinity(x))
        {
            return x > 0 ? 1.0 : 0.0;
        }

        if (x >= 0)
        {
            var e = LogisticMath.ToDoubleDouble(DoubleDoubleMath.Exp(-x));
            var onePlus = e + 1.0;
            return ((onePlus + (e * x)) / onePlus.Square()).Value;
        }

        var exp = DoubleDoubleMath.Exp(x);
        var onePlusX = DoubleDouble.TwoSum(1.0, x);
        if (exp.Exponent < ScaledDoubleDouble.MinNormalExponent)
        {
            return (exp * onePlusX).ToDouble();
        }

        var en = exp.ToDoubleDouble();
        return (en * (onePlusX + en) / (en + 1.0).Square()).Value;
    }

    protected override Activation Create(IReadOnlyList<double> parameterValues) => this;
}
