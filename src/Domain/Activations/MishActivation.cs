namespace SigmoidService.Domain.Activations;

/// <summary>
/// mish(x) = x tanh(softplus(x)), with derivative tanh(softplus(x)) + x sigma(x) (1 - tanh(softplus(x))^2).
/// </summary>
/// <remarks>
/// With e = exp(x), tanh(softplus(x)) = e (e + 2) / (e^2 + 2e + 2), and the derivative simplifies to
/// e ((e + 2)(e^2 + 2e + 2) + 4x (1 + e)) / (e^2 + 2e + 2)^2; for x &gt;= 0 both are rewritten in
/// exp(-x). Evaluated in double-double, this keeps the digits near the derivative's root at x = -1.19.
/// </remarks>
public sealed class MishActivation : Activation
{
    public static readonly ActivationInfo Description = new(
        Name: "mish",
        DisplayName: "Mish",
        Formula: "mish(x) = x * tanh(softplus(x)) = x * tanh(log(1 + exp(x)))",
        DerivativeFormula: "mish'(x) = tanh(softplus(x)) + x * sigmoid(x) * (1 - tanh(softplus(x))^2)",
        Latex: @"\operatorname{mish}(x) = x \tanh\bigl(\log(1 + e^{x})\bigr)",
        DerivativeLatex: @"\operatorname{mish}'(x) = \tanh(\operatorname{sp}(x)) + x\,\sigma(x)\,\operatorname{sech}^2(\operatorname{sp}(x)),\ \operatorname{sp}(x) = \log(1 + e^{x})",
        Range: new ActivationRange(-0.30884341301725043, double.PositiveInfinity),
        Properties: new ActivationProperties(Bounded: false, Monotonic: false, ZeroCentered: false, Smooth: true),
        Parameters: [],
        Domain: ActivationRange.RealLine);

    public MishActivation()
        : base(Description)
    {
    }

    public override double Value(double x)
    {
        if (double.IsNaN(x) || double.IsPositiveInfinity(x))
        {
            return x;
        }

        if (double.IsNegativeInfinity(x))
        {
            return -0.0;
        }

        if (x >= 0)
        {
            // tanh(softplus(x)) = (1 + 2e) / (1 + 2e + 2e^2) with e = exp(-x).
            var e = LogisticMath.ToDoubleDouble(DoubleDoubleMath.Exp(-x));
            var numerator = (e.ScaleB(1)) + 1.0;
            var ratio = numerator / (numerator + e.Square().ScaleB(1));
            return (ratio * x).Value;
        }

        var exp = DoubleDoubleMath.Exp(x);
        if (exp.Exponent < ScaledDoubleDouble.MinNormalExponent)
        {
            // tanh(softplus(x)) = e (1 - e/2 + ...) with e < 2^-900.
            return (exp * x).ToDouble();
        }

        var en = exp.ToDoubleDouble();
        var tanhSoftplus = en * (en + 2.0) / Denominator(en);
        return (tanhSoftplus * x).Value;
    }

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
            // With e = exp(-x) and D = 1 + 2e + 2e^2: (1 + 2e) / D + 4x e^2 (1 + e) / D^2.
            var e = LogisticMath.ToDoubleDouble(DoubleDoubleMath.Exp(-x));
            var numerator = e.ScaleB(1) + 1.0;
            var denominator = numerator + e.Square().ScaleB(1);
            var first = numerator / denominator;
            var second = e.Square().ScaleB(2) * (e + 1.0) * x / denominator.Square();
            return (first + second).Value;
        }

        var exp = DoubleDoubleMath.Exp(x);
        var onePlusX = DoubleDouble.TwoSum(1.0, x);
        if (exp.Exponent < ScaledDoubleDouble.MinNormalExponent)
        {
            // The bracket tends to 4 (1 + x) and the denominator to 4.
            return (exp * onePlusX).ToDouble();
        }

        var en = exp.ToDoubleDouble();
        var d = Denominator(en);
        var bracket = ((en + 2.0) * d) + ((en + 1.0) * x).ScaleB(2);
        return (en * bracket / d.Square()).Value;
    }

    /// <summary>e^2 + 2e + 2.</summary>
    private static DoubleDouble Denominator(DoubleDouble e) => (e.Square() + e.ScaleB(1)) + 2.0;

    protected override Activation Create(IReadOnlyList<double> parameterValues) => this;
}
