namespace SigmoidService.Domain.Activations;

/// <summary>
/// logit(p) = log(p / (1 - p)), the inverse of the sigmoid, defined on [0, 1]: logit(0) = -Infinity,
/// logit(1) = Infinity, and NaN outside [0, 1]. The derivative is 1 / (p (1 - p)).
/// </summary>
/// <remarks>
/// Below p = 1/4 it is log(p) - log1p(-p); from 1/4 on it is log1p((2p - 1) / (1 - p)), where 2p - 1 is exact,
/// so that p near 1/2 keeps full relative accuracy.
/// </remarks>
public sealed class LogitActivation : Activation
{
    public static readonly ActivationInfo Description = new(
        Name: "logit",
        DisplayName: "Logit",
        Formula: "logit(p) = log(p / (1 - p)), for p in [0, 1]",
        DerivativeFormula: "logit'(p) = 1 / (p * (1 - p))",
        Latex: @"\operatorname{logit}(p) = \log\frac{p}{1 - p}",
        DerivativeLatex: @"\operatorname{logit}'(p) = \frac{1}{p\,(1 - p)}",
        Range: ActivationRange.RealLine,
        Properties: new ActivationProperties(Bounded: false, Monotonic: true, ZeroCentered: true, Smooth: true),
        Parameters: [],
        Domain: new ActivationRange(0.0, 1.0));

    // Below this p, 1 - p rounds to 1 far beyond the last digit of 1 / (p (1 - p)).
    private const double TinyProbability = 1e-270;

    public LogitActivation()
        : base(Description)
    {
    }

    public override double Value(double x)
    {
        if (double.IsNaN(x) || x < 0 || x > 1)
        {
            return double.NaN;
        }

        if (x == 0)
        {
            return double.NegativeInfinity;
        }

        if (x == 1)
        {
            return double.PositiveInfinity;
        }

        if (x < 0.25)
        {
            return (DoubleDoubleMath.Log(x) - DoubleDoubleMath.Log1p(-x)).Value;
        }

        var complement = DoubleDouble.TwoSum(1.0, -x);
        var ratio = new DoubleDouble((2.0 * x) - 1.0, 0.0) / complement;
        return DoubleDoubleMath.Log1p(ratio).Value;
    }

    public override double Derivative(double x)
    {
        if (double.IsNaN(x) || x < 0 || x > 1)
        {
            return double.NaN;
        }

        if (x == 0 || x == 1)
        {
            return double.PositiveInfinity;
        }

        if (x < TinyProbability)
        {
            // 1 / (p (1 - p)) = (1 / p)(1 + p + ...), and 1/p is never within 2^-800 of a rounding boundary.
            return 1.0 / x;
        }

        var product = DoubleDouble.TwoSum(1.0, -x) * x;
        return (DoubleDouble.One / product).Value;
    }

    protected override Activation Create(IReadOnlyList<double> parameterValues) => this;
}
