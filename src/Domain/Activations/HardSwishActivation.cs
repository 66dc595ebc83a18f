namespace SigmoidService.Domain.Activations;

/// <summary>
/// PyTorch's hard swish: x relu6(x + 3) / 6, that is 0 for x &lt;= -3, x for x &gt;= 3 and x (x + 3) / 6
/// between, rounded once. The derivative follows PyTorch: 0 for x &lt; -3, x/3 + 1/2 for -3 &lt;= x &lt;= 3,
/// and 1 for x &gt; 3.
/// </summary>
public sealed class HardSwishActivation : Activation
{
    public static readonly ActivationInfo Description = new(
        Name: "hard-swish",
        DisplayName: "Hard swish",
        Formula: "hardswish(x) = 0 if x <= -3, x if x >= 3, else x * (x + 3) / 6",
        DerivativeFormula: "hardswish'(x) = 0 if x < -3, 1 if x > 3, else x / 3 + 1 / 2",
        Latex: @"\operatorname{hardswish}(x) = \begin{cases} 0 & x \le -3 \\ x & x \ge 3 \\ x\,(x + 3)/6 & \text{otherwise} \end{cases}",
        DerivativeLatex: @"\operatorname{hardswish}'(x) = \begin{cases} 0 & x < -3 \\ 1 & x > 3 \\ x/3 + 1/2 & \text{otherwise} \end{cases}",
        Range: new ActivationRange(-0.375, double.PositiveInfinity),
        Properties: new ActivationProperties(Bounded: false, Monotonic: false, ZeroCentered: false, Smooth: false),
        Parameters: [],
        Domain: ActivationRange.RealLine);

    public HardSwishActivation()
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

        return x >= 3 ? x : (DoubleDouble.TwoSum(x, 3.0) * x / 6.0).Value;
    }

    public override double Derivative(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x < -3)
        {
            return 0.0;
        }

        return x > 3 ? 1.0 : ((new DoubleDouble(x, 0.0) / 3.0) + 0.5).Value;
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

    /// <summary>The vector form of <see cref="HardSwishActivation.Value(double)"/> and <see cref="HardSwishActivation.Derivative(double)"/>.</summary>
    internal readonly struct Kernel : IElementwiseKernel
    {
        public TVector Value<TVector>(TVector x)
            where TVector : struct, ISimdDouble<TVector>
        {
            var three = TVector.Create(3.0);
            var product = VectorDoubleDouble.Multiply(VectorDoubleDouble.TwoSum(x, three), x);
            var (hi, lo) = VectorDoubleDouble.Divide(product, TVector.Create(6.0));
            var value = TVector.Select(TVector.GreaterThanOrEqual(x, three), x, hi + lo);
            value = TVector.Select(TVector.GreaterThanOrEqual(-three, x), TVector.Create(0.0), value);
            return TVector.Select(TVector.IsNaN(x), x, value);
        }

        public TVector Derivative<TVector>(TVector x)
            where TVector : struct, ISimdDouble<TVector>
        {
            var three = TVector.Create(3.0);
            var zero = TVector.Create(0.0);

            // x / 3 + 1/2 as the scalar path forms it: x is a double-double with low part 0.
            var third = VectorDoubleDouble.Divide((x, zero), three);
            var (hi, lo) = VectorDoubleDouble.Add(third, TVector.Create(0.5));
            var derivative = TVector.Select(TVector.LessThan(three, x), TVector.Create(1.0), hi + lo);
            derivative = TVector.Select(TVector.LessThan(x, -three), zero, derivative);
            return TVector.Select(TVector.IsNaN(x), x, derivative);
        }
    }
}
