namespace SigmoidService.Domain.Activations;

/// <summary>
/// log sigma(x) = -softplus(-x), with derivative sigma(-x). Computed as -log(1 + exp(-x)) with an exact
/// log1p, so it is neither -Infinity for large negative x nor 0 for large positive x, where log(sigmoid(x))
/// would be.
/// </summary>
public sealed class LogSigmoidActivation : Activation
{
    public static readonly ActivationInfo Description = new(
        Name: "log-sigmoid",
        DisplayName: "Log-sigmoid",
        Formula: "logsigmoid(x) = log(1 / (1 + exp(-x))) = -softplus(-x)",
        DerivativeFormula: "logsigmoid'(x) = 1 - sigmoid(x) = sigmoid(-x)",
        Latex: @"\log\sigma(x) = -\log\left(1 + e^{-x}\right)",
        DerivativeLatex: @"\frac{d}{dx}\log\sigma(x) = 1 - \sigma(x) = \sigma(-x)",
        Range: new ActivationRange(double.NegativeInfinity, 0.0),
        Properties: new ActivationProperties(Bounded: false, Monotonic: true, ZeroCentered: false, Smooth: true),
        Parameters: [],
        Domain: ActivationRange.RealLine);

    public LogSigmoidActivation()
        : base(Description)
    {
    }

    public override double Value(double x) => x switch
    {
        double.PositiveInfinity => 0.0,
        double.NegativeInfinity => double.NegativeInfinity,
        _ when double.IsNaN(x) => x,
        _ => -LogisticMath.Softplus(-x).ToDouble(),
    };

    public override double Derivative(double x) => x switch
    {
        double.PositiveInfinity => 0.0,
        double.NegativeInfinity => 1.0,
        _ when double.IsNaN(x) => x,
        _ => LogisticMath.Logistic(-x).ToDouble(),
    };

    protected override Activation Create(IReadOnlyList<double> parameterValues) => this;
}
