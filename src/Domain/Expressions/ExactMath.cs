using SigmoidService.Domain.Activations;

namespace SigmoidService.Domain.Expressions;

/// <summary>
/// The scalar functions a formula shares with the activation catalogue, so that <c>sigmoid(x)</c> in a
/// formula is the catalogue's sigmoid and <c>1 / (1 + exp(-x))</c> agrees with it to rounding. log1p,
/// expm1, erf and erfc are the catalogue's double-double kernels rounded once to double.
/// </summary>
internal static class ExactMath
{
    // At and above this argument erfc(a) comes from the continued fraction, below it 1 - erf from the series.
    private const double ErfcTailStart = 4.0;

    private static readonly Activation SigmoidActivation = Find("sigmoid");
    private static readonly Activation SoftplusActivation = Find("softplus");
    private static readonly Activation TanhActivation = Find("tanh");

    public static double Sigmoid(double x) => SigmoidActivation.Value(x);

    public static double SigmoidDerivative(double x) => SigmoidActivation.Derivative(x);

    public static double Softplus(double x) => SoftplusActivation.Value(x);

    public static double Tanh(double x) => TanhActivation.Value(x);

    public static double TanhDerivative(double x) => TanhActivation.Derivative(x);

    /// <summary>ln(1 + x): NaN below -1, -Infinity at -1.</summary>
    public static double Log1p(double x) => x switch
    {
        < -1 => double.NaN,
        -1 => double.NegativeInfinity,
        _ when double.IsNaN(x) => x,
        _ => DoubleDoubleMath.Log1p(new DoubleDouble(x, 0.0)).Value,
    };

    /// <summary>e^x - 1, with -1 at -Infinity and Infinity above about 709.78.</summary>
    public static double Expm1(double x) => x switch
    {
        double.NegativeInfinity => -1.0,
        _ when double.IsNaN(x) => x,
        _ => DoubleDoubleMath.Expm1(new DoubleDouble(x, 0.0)).Value,
    };

    /// <summary>The error function, odd, with erf(±Infinity) = ±1.</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        var a = Math.Abs(x);
        var magnitude = a < ErfcTailStart
            ? DoubleDoubleMath.ErfSeries(new DoubleDouble(a, 0.0)).Value
            : 1.0 - DoubleDoubleMath.ErfcTail(new DoubleDouble(Math.Min(a, 30.0), 0.0)).ToDouble();
        return double.CopySign(magnitude, x);
    }

    /// <summary>The complementary error function 1 - erf(x), with full relative accuracy in the upper tail.</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x >= ErfcTailStart)
        {
            // erfc(30) is about 2.6e-393, far below the smallest subnormal, so larger arguments give 0 too.
            return x > 30.0 ? 0.0 : DoubleDoubleMath.ErfcTail(new DoubleDouble(x, 0.0)).ToDouble();
        }

        if (x <= -ErfcTailStart)
        {
            return 2.0 - Erfc(-x);
        }

        var erf = DoubleDoubleMath.ErfSeries(new DoubleDouble(Math.Abs(x), 0.0));
        return (x < 0 ? 1.0 + erf : 1.0 - erf).Value;
    }

    private static Activation Find(string name) =>
        ActivationCatalog.TryGet(name, out var activation)
            ? activation
            : throw new InvalidOperationException($"The activation catalogue has no '{name}'.");
}
