namespace SigmoidService.Domain.Activations;

/// <summary>
/// The generalised logistic curve f(x) = l / (1 + exp(-k (x - x0))) (defaults l = 1, k = 1, x0 = 0, where it
/// is the sigmoid), with derivative l k sigma(z) sigma(-z) for z = k (x - x0).
/// </summary>
/// <remarks>
/// z is formed exactly as a double-double (x - x0 by TwoSum, then the product with k), so parameters cost no
/// accuracy: the result is rounded once.
/// </remarks>
public sealed class ScaledSigmoidActivation : Activation
{
    public static readonly ActivationInfo Description = new(
        Name: "scaled-sigmoid",
        DisplayName: "Scaled sigmoid (logistic curve)",
        Formula: "f(x) = l / (1 + exp(-k * (x - x0)))",
        DerivativeFormula: "f'(x) = k * f(x) * (1 - f(x) / l)",
        Latex: @"f(x) = \frac{L}{1 + e^{-k (x - x_0)}}",
        DerivativeLatex: @"f'(x) = k\,f(x)\left(1 - \frac{f(x)}{L}\right)",
        Range: new ActivationRange(0.0, 1.0),
        Properties: new ActivationProperties(Bounded: true, Monotonic: true, ZeroCentered: false, Smooth: true),
        Parameters:
        [
            new ActivationParameter("l", 1.0, "The curve's maximum value (the supremum for k > 0)."),
            new ActivationParameter("k", 1.0, "The steepness (logistic growth rate); negative k mirrors the curve."),
            new ActivationParameter("x0", 0.0, "The midpoint, where f(x0) = l / 2."),
        ],
        Domain: ActivationRange.RealLine);

    private readonly double _l;
    private readonly double _k;
    private readonly double _x0;

    public ScaledSigmoidActivation()
        : this(null)
    {
    }

    private ScaledSigmoidActivation(IReadOnlyList<double>? parameterValues)
        : base(Description, parameterValues)
    {
        _l = ParameterValues[0];
        _k = ParameterValues[1];
        _x0 = ParameterValues[2];
    }

    public override double Value(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (_k == 0)
        {
            return _l * 0.5;
        }

        var z = Exponent(x);
        if (!double.IsFinite(z.Hi))
        {
            return z.Hi > 0 ? _l : _l * 0.0;
        }

        return (LogisticMath.Logistic(z) * _l).ToDouble();
    }

    public override double Derivative(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (_k == 0)
        {
            return 0.0;
        }

        var z = Exponent(x);
        if (!double.IsFinite(z.Hi))
        {
            return 0.0;
        }

        return (LogisticMath.LogisticDerivative(z) * DoubleDouble.TwoProduct(_l, _k)).ToDouble();
    }

    /// <summary>k (x - x0) as a double-double; infinite when x is.</summary>
    private DoubleDouble Exponent(double x)
    {
        if (!double.IsFinite(x))
        {
            return new DoubleDouble(x * _k, 0.0);
        }

        var difference = DoubleDouble.TwoSum(x, -_x0);
        var product = DoubleDouble.TwoProduct(difference.Hi, _k);
        if (!double.IsFinite(product.Hi))
        {
            return new DoubleDouble(product.Hi, 0.0);
        }

        return difference * _k;
    }

    protected override Activation Create(IReadOnlyList<double> parameterValues) => new ScaledSigmoidActivation(parameterValues);
}
