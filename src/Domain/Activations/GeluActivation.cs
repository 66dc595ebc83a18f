namespace SigmoidService.Domain.Activations;

/// <summary>
/// The exact (erf) GELU: gelu(x) = x Phi(x) = x/2 (1 + erf(x / sqrt 2)), with derivative Phi(x) + x phi(x),
/// where Phi and phi are the standard normal distribution and density functions.
/// </summary>
/// <remarks>
/// Phi comes from erf's positive-term series in double-double for |x| / sqrt 2 &lt; 4 and from erfc's
/// continued fraction beyond, written as exp(-x^2/2) times a scaled tail, so that large negative x neither
/// cancels to 0 (as 1 + erf does) nor loses the subnormal digits of the result near x = -38.
/// NOTE: the double-double series makes GELU the slowest activation here, roughly 5 us per point for value
/// and derivative on the 2-core development machine (an estimate from a loaded run), and it has no vector kernel.
/// </remarks>
public sealed class GeluActivation : Activation
{
    public static readonly ActivationInfo Description = new(
        Name: "gelu",
        DisplayName: "GELU",
        Formula: "gelu(x) = x * Phi(x) = x / 2 * (1 + erf(x / sqrt(2)))",
        DerivativeFormula: "gelu'(x) = Phi(x) + x * phi(x), phi(x) = exp(-x^2 / 2) / sqrt(2 * pi)",
        Latex: @"\operatorname{GELU}(x) = x\,\Phi(x) = \frac{x}{2}\left(1 + \operatorname{erf}\frac{x}{\sqrt{2}}\right)",
        DerivativeLatex: @"\operatorname{GELU}'(x) = \Phi(x) + x\,\varphi(x),\quad \varphi(x) = \frac{e^{-x^2/2}}{\sqrt{2\pi}}",
        Range: new ActivationRange(-0.16997120747990366, double.PositiveInfinity),
        Properties: new ActivationProperties(Bounded: false, Monotonic: false, ZeroCentered: false, Smooth: true),
        Parameters: [],
        Domain: ActivationRange.RealLine);

    private static readonly DoubleDouble InverseSqrt2 = new(0.7071067811865476, -4.833646656726457e-17);
    private static readonly DoubleDouble InverseSqrtPi = new(0.5641895835477563, 7.66772980658294e-18);
    private static readonly DoubleDouble InverseSqrt2Pi = new(0.3989422804014327, -2.49232720227773e-17);

    // Beyond |x| = 40, Phi(x) differs from 0 or 1 by less than 2^-1100: gelu is x or rounds to -0.
    private const double SaturationBound = 40.0;

    // Where erfc's continued fraction takes over from erf's series (in a = |x| / sqrt 2).
    private const double SeriesBound = 4.0;

    // The root of the derivative as the sum of three doubles, and the first two Taylor coefficients of the
    // derivative there (the second derivative of gelu and half the third) as double-doubles.
    private const double DerivativeRoot1 = -0.7517915246935645;
    private const double DerivativeRoot2 = 1.4956759177009883e-17;
    private const double DerivativeRoot3 = 5.384040947833005e-34;
    private const double RootNeighbourhood = 1.0 / 4096;
    private static readonly DoubleDouble RootCoefficient1 = new(0.4314939923140469, 2.7308688141129613e-17);
    private static readonly DoubleDouble RootCoefficient2 = new(0.388284982990552, 2.3344842362524718e-17);

    public GeluActivation()
        : base(Description)
    {
    }

    public override double Value(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x >= SaturationBound)
        {
            return x;
        }

        if (x <= -SaturationBound)
        {
            return -0.0;
        }

        var a = DoubleDouble.TwoProduct(Math.Abs(x), InverseSqrt2.Hi) + (Math.Abs(x) * InverseSqrt2.Lo);
        if (a.Hi < SeriesBound)
        {
            return (CumulativeFromSeries(x, a) * x).Value;
        }

        var upperTail = UpperTail(x, a);
        if (x < 0)
        {
            return (upperTail * x).ToDouble();
        }

        return ((1.0 - LogisticMath.ToDoubleDouble(upperTail)) * x).Value;
    }

    public override double Derivative(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x >= SaturationBound)
        {
            return 1.0;
        }

        if (x <= -SaturationBound)
        {
            return -0.0;
        }

        if (Math.Abs(x - DerivativeRoot1) < RootNeighbourhood)
        {
            return DerivativeNearRoot(x);
        }

        var a = DoubleDouble.TwoProduct(Math.Abs(x), InverseSqrt2.Hi) + (Math.Abs(x) * InverseSqrt2.Lo);
        var gaussian = Gaussian(x);
        var density = gaussian * InverseSqrt2Pi;
        if (a.Hi < SeriesBound)
        {
            // Near x = -0.75 the two terms cancel to a small root; double-double keeps the digits.
            return (CumulativeFromSeries(x, a) + (density.ToDoubleDouble() * x)).Value;
        }

        var tailFactor = DoubleDoubleMath.ScaledErfcTail(a) * InverseSqrtPi * 0.5;
        if (x < 0)
        {
            // Phi(x) + x phi(x) = exp(-x^2/2) (K / (2 sqrt pi) + x / sqrt(2 pi)) with one shared exponential.
            var bracket = tailFactor + (InverseSqrt2Pi * x);
            return (gaussian * bracket).ToDouble();
        }

        var cumulative = 1.0 - LogisticMath.ToDoubleDouble(gaussian * tailFactor);
        return (cumulative + (LogisticMath.ToDoubleDouble(density) * x)).Value;
    }

    /// <summary>
    /// gelu'(x) near its root x_r = -0.75179..., where Phi(x) and x phi(x) cancel by more than double-double
    /// can carry: the Taylor series of gelu' about x_r in delta = x - x_r, with x_r to 160 bits and the
    /// coefficients from mpmath. With |delta| &lt; 2^-12 the first omitted term is below 2^-80 of the sum.
    /// </summary>
    private static double DerivativeNearRoot(double x)
    {
        var delta = DoubleDouble.TwoSum(x, -DerivativeRoot1) - DerivativeRoot2 - DerivativeRoot3;
        var d = delta.Hi;
        var tail = -0.018199676398671087 + (d * (-0.1140082332972217 + (d * (-0.014771522148244337
            + (d * (0.019421679838189067 + (d * 0.004539228379125415)))))));
        var series = RootCoefficient2 + (delta * tail);
        series = RootCoefficient1 + (delta * series);
        return (delta * series).Value;
    }

    /// <summary>Phi(x) = (1 ± erf(a)) / 2 with a = |x| / sqrt 2 &lt; 4.</summary>
    private static DoubleDouble CumulativeFromSeries(double x, DoubleDouble a)
    {
        var erf = DoubleDoubleMath.ErfSeries(a);
        var sum = x < 0 ? 1.0 - erf : 1.0 + erf;
        return sum.ScaleB(-1);
    }

    /// <summary>erfc(a) / 2 = Phi(-|x|) for a = |x| / sqrt 2 &gt;= 4, unrounded.</summary>
    private static ScaledDoubleDouble UpperTail(double x, DoubleDouble a) =>
        Gaussian(x) * (DoubleDoubleMath.ScaledErfcTail(a) * InverseSqrtPi * 0.5);

    /// <summary>exp(-x^2 / 2), with x^2 / 2 taken exactly.</summary>
    private static ScaledDoubleDouble Gaussian(double x) =>
        DoubleDoubleMath.Exp(-DoubleDouble.TwoProduct(x, x).ScaleB(-1));

    protected override Activation Create(IReadOnlyList<double> parameterValues) => this;
}
