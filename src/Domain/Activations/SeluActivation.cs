namespace SigmoidService.Domain.Activations;

/// <summary>
/// selu(x) = scale (x if x &gt; 0, else alpha (exp(x) - 1)) with PyTorch's constants
/// alpha = 1.6732632423543772 and scale = 1.0507009873554805 (the doubles nearest Klambauer et al.'s values).
/// The derivative is scale for x &gt; 0 and scale alpha exp(x) otherwise.
/// </summary>
public sealed class SeluActivation : Activation
{
    /// <summary>PyTorch's SELU alpha, 1.6732632423543772848170429916717 rounded to double.</summary>
    public const double Alpha = 1.6732632423543772848170429916717;

    /// <summary>PyTorch's SELU scale, 1.0507009873554804934193349852946 rounded to double.</summary>
    public const double Scale = 1.0507009873554804934193349852946;

    public static readonly ActivationInfo Description = new(
        Name: "selu",
        DisplayName: "SELU",
        Formula: "selu(x) = scale * (x if x > 0, else alpha * (exp(x) - 1)), alpha = 1.6732632423543772, scale = 1.0507009873554805",
        DerivativeFormula: "selu'(x) = scale if x > 0, else scale * alpha * exp(x)",
        Latex: @"\operatorname{SELU}(x) = \lambda \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases},\ \alpha \approx 1.6733,\ \lambda \approx 1.0507",
        DerivativeLatex: @"\operatorname{SELU}'(x) = \lambda \begin{cases} 1 & x > 0 \\ \alpha\,e^{x} & x \le 0 \end{cases}",
        Range: new ActivationRange(-Scale * Alpha, double.PositiveInfinity),
        Properties: new ActivationProperties(Bounded: false, Monotonic: true, ZeroCentered: false, Smooth: false),
        Parameters: [],
        Domain: ActivationRange.RealLine);

    public SeluActivation()
        : base(Description)
    {
    }

    public override double Value(double x) => EluActivation.ExponentialLinear(x, Alpha, Scale);

    public override double Derivative(double x) => EluActivation.ExponentialLinearDerivative(x, Alpha, Scale);

    protected override Activation Create(IReadOnlyList<double> parameterValues) => this;
}
