namespace SigmoidService.Domain.Activations;

/// <summary>
/// tanh(x) = (e^x - e^-x) / (e^x + e^-x), with derivative 1 - tanh(x)^2.
/// </summary>
/// <remarks>
/// For |x| &lt;= ln2/4 it is expm1(2x) / (expm1(2x) + 2), which keeps relative accuracy near 0; elsewhere
/// (1 - e) / (1 + e) with e = exp(-2|x|). The derivative is 4e / (1 + e)^2, which has no cancellation and
/// keeps its subnormal digits near |x| = 372.
/// </remarks>
public sealed class TanhActivation : Activation
{
    public static readonly ActivationInfo Description = new(
        Name: "tanh",
        DisplayName: "Tanh",
        Formula: "tanh(x) = (exp(x) - exp(-x)) / (exp(x) + exp(-x))",
        DerivativeFormula: "tanh'(x) = 1 - tanh(x)^2",
        Latex: @"\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
        DerivativeLatex: @"\tanh'(x) = 1 - \tanh^2(x)",
        Range: new ActivationRange(-1.0, 1.0),
        Properties: new ActivationProperties(Bounded: true, Monotonic: true, ZeroCentered: true, Smooth: true),
        Parameters: [],
        Domain: ActivationRange.RealLine);

    private const double TinyArgument = 1e-9;

    public TanhActivation()
        : base(Description)
    {
    }

    public override double Value(double x)
    {
        if (double.IsNaN(x) || x == 0)
        {
            return x;
        }

        if (double.IsInfinity(x))
        {
            return double.Sign(x);
        }

        if (Math.Abs(x) < TinyArgument)
        {
            // tanh(x) = x - x^3/3 + ..., and x^3/3 is below half an ulp of x here.
            return x;
        }

        return double.CopySign(Tanh(Math.Abs(x)).Value, x);
    }

    public override double Derivative(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (double.IsInfinity(x))
        {
            return 0.0;
        }

        return SechSquared(x).ToDouble();
    }

    /// <summary>tanh(a) for a &gt;= 0 in double-double.</summary>
    internal static DoubleDouble Tanh(DoubleDouble a)
    {
        if (a.Hi <= DoubleDoubleMath.ReducedArgumentBound / 2)
        {
            var expm1 = DoubleDoubleMath.Expm1(a.ScaleB(1));
            return expm1 / (expm1 + 2.0);
        }

        var e = LogisticMath.ToDoubleDouble(DoubleDoubleMath.Exp(-a.ScaleB(1)));
        return (1.0 - e) / (1.0 + e);
    }

    /// <summary>1 - tanh(x)^2 = 4e / (1 + e)^2 with e = exp(-2|x|), for finite x.</summary>
    internal static ScaledDoubleDouble SechSquared(DoubleDouble x)
    {
        var exp = DoubleDoubleMath.Exp(-x.Abs().ScaleB(1));
        if (exp.Exponent < ScaledDoubleDouble.MinNormalExponent)
        {
            return new ScaledDoubleDouble(exp.Mantissa.ScaleB(2), exp.Exponent);
        }

        var e = exp.ToDoubleDouble();
        return new ScaledDoubleDouble(e.ScaleB(2) / (e + 1.0).Square(), 0);
    }

    protected override Activation Create(IReadOnlyList<double> parameterValues) => this;
}
