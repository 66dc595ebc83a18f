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

    /// <summary>The vector form of <see cref="SoftsignActivation.Value(double)"/> and <see cref="SoftsignActivation.Derivative(double)"/>.</summary>
    internal readonly struct Kernel : IElementwiseKernel
    {
        public TVector Value<TVector>(TVector x)
            where TVector : struct, ISimdDouble<TVector>
        {
            var zero = TVector.Create(0.0);
            var one = TVector.Create(1.0);
            var denominator = VectorDoubleDouble.TwoSum(one, TVector.Abs(x));
            var (hi, lo) = VectorDoubleDouble.Divide((x, zero), denominator);
            var sign = TVector.Select(TVector.LessThan(x, zero), -one, one);
            var value = TVector.Select(IsInfinity(x), sign, hi + lo);

            // x = ±0 and NaN give x itself, keeping the sign of zero.
            var isZero = VectorDoubleDouble.And(TVector.GreaterThanOrEqual(x, zero), TVector.GreaterThanOrEqual(zero, x));
            return TVector.Select(isZero, x, TVector.Select(TVector.IsNaN(x), x, value));
        }

        public TVector Derivative<TVector>(TVector x)
            where TVector : struct, ISimdDouble<TVector>
        {
            var zero = TVector.Create(0.0);
            var one = TVector.Create(1.0);
            var reciprocal = VectorDoubleDouble.Divide((one, zero), VectorDoubleDouble.TwoSum(one, TVector.Abs(x)));
            var (hi, lo) = VectorDoubleDouble.Multiply(reciprocal, reciprocal);
            var derivative = TVector.Select(IsInfinity(x), zero, hi + lo);
            return TVector.Select(TVector.IsNaN(x), x, derivative);
        }

        private static TVector IsInfinity<TVector>(TVector x)
            where TVector : struct, ISimdDouble<TVector> =>
            TVector.GreaterThanOrEqual(TVector.Abs(x), TVector.Create(double.PositiveInfinity));
    }
}
