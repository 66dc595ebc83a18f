namespace SigmoidService.Domain.Activations;

/// <summary>
/// PyTorch's hard sigmoid: relu6(x + 3) / 6, that is 0 for x &lt;= -3, 1 for x &gt;= 3 and x/6 + 1/2 between,
/// rounded once. The derivative is 1/6 on (-3, 3) and 0 elsewhere, including at ±3 as in PyTorch.
/// </summary>
public sealed class HardSigmoidActivation : Activation
{
    public static readonly ActivationInfo Description = new(
        Name: "hard-sigmoid",
        DisplayName: "Hard sigmoid",
        Formula: "hardsigmoid(x) = 0 if x <= -3, 1 if x >= 3, else x / 6 + 1 / 2",
        DerivativeFormula: "hardsigmoid'(x) = 1 / 6 if -3 < x < 3, else 0",
        Latex: @"\operatorname{hardsigmoid}(x) = \begin{cases} 0 & x \le -3 \\ 1 & x \ge 3 \\ x/6 + 1/2 & \text{otherwise} \end{cases}",
        DerivativeLatex: @"\operatorname{hardsigmoid}'(x) = \begin{cases} 1/6 & -3 < x < 3 \\ 0 & \text{otherwise} \end{cases}",
        Range: new ActivationRange(0.0, 1.0),
        Properties: new ActivationProperties(Bounded: true, Monotonic: true, ZeroCentered: false, Smooth: false),
        Parameters: [],
        Domain: ActivationRange.RealLine);

    public HardSigmoidActivation()
        : base(Description)
    {
    }

    public override double Value(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x <= -3)
        {
            return 0.0;
        }

        return x >= 3 ? 1.0 : (DoubleDouble.TwoSum(x, 3.0) / 6.0).Value;
    }

    public override double Derivative(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        return x > -3 && x < 3 ? 1.0 / 6 : 0.0;
    }

    public override void Evaluate(ReadOnlySpan<double> x, Span<double> values, Span<double> derivatives)
    {
        CheckLengths(x.Length, values.Length, derivatives.Length);
        ElementwiseKernel.Evaluate(default(Kernel), this, x, values[..x.Length], derivatives[..x.Length]);
    }

    public override void Evaluate(ReadOnlySpan<float> x, Span<float> values, Span<float> derivatives)
    {
        CheckLengths(x.Length, values.Length, derivatives.Length);
        ElementwiseKernel.Evaluate(default(Kernel), SinglePrecision, x, values[..x.Length], derivatives[..x.Length]);
    }

    public override void EvaluateValues(ReadOnlySpan<double> x, Span<double> values)
    {
        CheckLengths(x.Length, values.Length, values.Length);
        ElementwiseKernel.EvaluateValues(default(Kernel), this, x, values[..x.Length]);
    }

    public override void EvaluateValues(ReadOnlySpan<float> x, Span<float> values)
    {
        CheckLengths(x.Length, values.Length, values.Length);
        ElementwiseKernel.EvaluateValues(default(Kernel), SinglePrecision, x, values[..x.Length]);
    }

    protected override Activation Create(IReadOnlyList<double> parameterValues) => this;

    /// <summary>The vector form of <see cref="HardSigmoidActivation.Value(double)"/> and <see cref="HardSigmoidActivation.Derivative(double)"/>.</summary>
    internal readonly struct Kernel : IElementwiseKernel
    {
        public TVector Value<TVector>(TVector x)
            where TVector : struct, ISimdDouble<TVector>
        {
            var three = TVector.Create(3.0);
            var sum = VectorDoubleDouble.TwoSum(x, three);
            var (hi, lo) = VectorDoubleDouble.Divide(sum, TVector.Create(6.0));
            var value = TVector.Select(TVector.GreaterThanOrEqual(x, three), TVector.Create(1.0), hi + lo);
            value = TVector.Select(TVector.GreaterThanOrEqual(-three, x), TVector.Create(0.0), value);
            return TVector.Select(TVector.IsNaN(x), x, value);
        }

        public TVector Derivative<TVector>(TVector x)
            where TVector : struct, ISimdDouble<TVector>
        {
            var three = TVector.Create(3.0);
            var inside = VectorDoubleDouble.And(TVector.LessThan(-three, x), TVector.LessThan(x, three));
            var derivative = TVector.Select(inside, TVector.Create(1.0 / 6), TVector.Create(0.0));
            return TVector.Select(TVector.IsNaN(x), x, derivative);
        }
    }
}
