namespace SigmoidService.Domain.Activations;

/// <summary>softsign(x) = x / (1 + |x|), with derivative 1 / (1 + |x|)^2; 1 + |x| is kept exactly.</summary>
public sealed class SoftsignActivation : Activation
{
    public static readonly ActivationInfo Description = new(
        Name: "softsign",
        DisplayName: "Softsign",
        Formula: "softsign(x) = x / (1 + |x|)",
        DerivativeFormula: "softsign'(x) = 1 / (1 + |x|)^2",
        Latex: @"\operatorname{softsign}(x) = \frac{x}{1 + |x|}",
        DerivativeLatex: @"\operatorname{softsign}'(x) = \frac{1}{(1 + |x|)^2}",
        Range: new ActivationRange(-1.0, 1.0),
        Properties: new ActivationProperties(Bounded: true, Monotonic: true, ZeroCentered: true, Smooth: false),
        Parameters: [],
        Domain: ActivationRange.RealLine);

    public SoftsignActivation()
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

        return (x / DoubleDouble.TwoSum(1.0, Math.Abs(x))).Value;
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

        var reciprocal = DoubleDouble.One / DoubleDouble.TwoSum(1.0, Math.Abs(x));
        return reciprocal.Square().Value;
    }

    protected override Activation Create(IReadOnlyList<double> parameterValues) => this;
}
