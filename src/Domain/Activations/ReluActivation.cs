namespace SigmoidService.Domain.Activations;

/// <summary>relu(x) = max(0, x); the derivative is 1 for x &gt; 0 and 0 otherwise, 0 at the kink as in PyTorch.</summary>
public sealed class ReluActivation : Activation
{
    public static readonly ActivationInfo Description = new(
        Name: "relu",
        DisplayName: "ReLU",
        Formula: "relu(x) = max(0, x)",
        DerivativeFormula: "relu'(x) = 1 if x > 0, else 0",
        Latex: @"\operatorname{ReLU}(x) = \max(0, x)",
        DerivativeLatex: @"\operatorname{ReLU}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}",
        Range: new ActivationRange(0.0, double.PositiveInfinity),
        Properties: new ActivationProperties(Bounded: false, Monotonic: true, ZeroCentered: false, Smooth: false),
        Parameters: [],
        Domain: ActivationRange.RealLine);

    public ReluActivation()
        : base(Description)
    {
    }

    public override double Value(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        return x > 0 ? x : 0.0;
    }

    public override double Derivative(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        return x > 0 ? 1.0 : 0.0;
    }

    protected override Activation Create(IReadOnlyList<double> parameterValues) => this;
}
