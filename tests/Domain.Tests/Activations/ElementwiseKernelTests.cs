using SigmoidService.Domain.Activations;

namespace SigmoidService.Domain.Tests.Activations;

/// <summary>
/// The vectorised array path of the piecewise-linear and simple activations against their scalar path, bit
/// for bit: the mpmath reference points and the special values (±0, ±Infinity, NaN, subnormals, kinks,
/// neighbours of the kinks) in every lane position, for array lengths 0 to 3 vectors of singles plus 1 and
/// for 1,000,003 elements, at every vector width the hardware has.
/// </summary>
public sealed class ElementwiseKernelTests
{
    // Three vectors of 16 singles (AVX-512 widened to two vectors of 8 doubles), plus one.
    private const int LongestShortArray = 3 * 16 + 1;

    private const int LongArray = 1_000_003;

    public static TheoryData<string, double> Cases => new()
    {
        { "relu", double.NaN },
        { "leaky-relu", 0.01 },
        { "leaky-relu", 0.0 },
        { "leaky-relu", 1.0 },
        { "leaky-relu", -0.5 },
        { "leaky-relu", 1e-300 },
        { "leaky-relu", 3e38 },
        { "hard-sigmoid", double.NaN },
        { "hard-swish", double.NaN },
        { "softsign", double.NaN },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_DoubleSpecialValuesInEveryLane_BitIdenticalToScalar(string name, double alpha)
    {
        var activation = Create(name, alpha);
        var pattern = SpecialDoubles();

        for (var length = 0; length <= LongestShortArray; length++)
        {
            for (var rotation = 0; rotation < pattern.Length; rotation++)
            {
                var x = Enumerable.Range(0, length).Select(i => pattern[(i + rotation) % pattern.Length]).ToArray();
                AssertDoubleBitIdentical(activation, x);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_SingleSpecialValuesInEveryLane_BitIdenticalToScalar(string name, double alpha)
    {
        var activation = Create(name, alpha);
        var pattern = SpecialSingles();

        for (var length = 0; length <= LongestShortArray; length++)
        {
            for (var rotation = 0; rotation < pattern.Length; rotation++)
            {
                var x = Enumerable.Range(0, length).Select(i => pattern[(i + rotation) % pattern.Length]).ToArray();
                AssertSingleBitIdentical(activation, x);
            }
        }
    }

    /// <summary>The reference points shifted by 0 to 33 places, so that each one lands in every lane of every width.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_ReferencePointsInEveryLane_BitIdenticalToScalar(string name, double alpha)
    {
        var activation = Create(name, alpha);
        var x = ReferenceData.Double.X;

        for (var shift = 0; shift < 34; shift++)
        {
            var input = Enumerable.Repeat(0.25, shift).Concat(x).ToArray();
            if (shift < 18)
            {
                AssertDoubleBitIdentical(activation, input);
            }

            AssertSingleBitIdentical(activation, input.Select(value => (float)value).ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_LongArrayOfSpecialAndRandomValues_BitIdenticalToScalar(string name, double alpha)
    {
        var activation = Create(name, alpha);
        double[] pattern = [.. SpecialDoubles(), .. ReferenceData.Double.X];
        var random = new Random(20261204);
        var x = new double[LongArray];
        for (var i = 0; i < x.Length; i++)
        {
            // Every other element is special, the rest spread over [-8, 8) around the kinks.
            x[i] = i % 2 == 0 ? pattern[(i / 2) % pattern.Length] : (random.NextDouble() * 16.0) - 8.0;
        }

        AssertDoubleBitIdentical(activation, x);
        AssertSingleBitIdentical(activation, x.Select(value => (float)value).ToArray());
    }

    /// <summary>The reference tests with parameters go through the scalar methods; this runs them through the array path.</summary>
    [Fact]
    public void Evaluate_LeakyReluWithReferenceParameters_WithinFourUlpOfMpmath()
    {
        var reference = ReferenceData.DoubleWithParameters;
        var activation = new LeakyReluActivation().WithParameters(reference.Parameters["leaky-relu"]);
        var (expectedValues, expectedDerivatives) = reference.Activations["leaky-relu"];
        var values = new double[reference.X.Length];
        var derivatives = new double[reference.X.Length];

        activation.Evaluate(reference.X, values, derivatives);

        for (var i = 0; i < reference.X.Length; i++)
        {
            Assert.True(ReferenceData.UlpDistance(expectedValues[i], values[i]) <= 4, $"value at {reference.X[i]:R}: {values[i]:R}, expected {expectedValues[i]:R}");
            Assert.True(ReferenceData.UlpDistance(expectedDerivatives[i], derivatives[i]) <= 4, $"derivative at {reference.X[i]:R}: {derivatives[i]:R}, expected {expectedDerivatives[i]:R}");
        }
    }

    private static Activation Create(string name, double alpha)
    {
        var activation = ActivationCatalog.TryGet(name, out var found) ? found : throw new ArgumentException($"Unknown activation {name}.");
        return double.IsNaN(alpha) ? activation : activation.WithParameters(new Dictionary<string, double> { ["alpha"] = alpha });
    }

    private static double[] SpecialDoubles() =>
        [
            0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN,
            BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8_0000_0000_1234)),
            double.Epsilon, -double.Epsilon, 2.2250738585072009e-308, -2.2250738585072009e-308, 1e-300, -1e-300,
            double.MaxValue, double.MinValue, 1e300, -1e300,
            3.0, -3.0, double.BitDecrement(3.0), double.BitIncrement(3.0), double.BitDecrement(-3.0), double.BitIncrement(-3.0),
            1.0 / 3, -7.0 / 3, 0.1, -0.1, 1e-17, -1e-17, 2.5, -2.5, 6.0, -6.0,
        ];

    private static float[] SpecialSingles() =>
        [
            float.Epsilon, -float.Epsilon, 1.1754942e-38f, -1.1754942e-38f, float.MaxValue, float.MinValue,
            float.BitDecrement(3f), float.BitIncrement(3f), float.BitDecrement(-3f), float.BitIncrement(-3f),
            BitConverter.Int32BitsToSingle(unchecked((int)0xFFC0_1234)),
            .. SpecialDoubles().Select(value => (float)value),
        ];

    private static void AssertDoubleBitIdentical(Activation activation, double[] x)
    {
        var values = new double[x.Length];
        var derivatives = new double[x.Length];
        var valuesOnly = new double[x.Length];
        activation.Evaluate(x, values, derivatives);
        activation.EvaluateValues(x, valuesOnly);
        AssertSame(activation, x, x.Length, values, derivatives, valuesOnly);

        foreach (var width in Widths)
        {
            Array.Clear(values);
            Array.Clear(derivatives);
            Array.Clear(valuesOnly);
            var done = EvaluateVectors(activation, width, x, values, derivatives, valuesOnly);
            Assert.True(done > x.Length - 8, $"only {done} of {x.Length} done at width {width}");
            AssertSame(activation, x, done, values, derivatives, valuesOnly);
        }
    }

    private static void AssertSingleBitIdentical(Activation activation, float[] x)
    {
        var values = new float[x.Length];
        var derivatives = new float[x.Length];
        var valuesOnly = new float[x.Length];
        activation.Evaluate(x, values, derivatives);
        activation.EvaluateValues(x, valuesOnly);
        AssertSame(activation, x, x.Length, values, derivatives, valuesOnly);

        foreach (var width in Widths)
        {
            Array.Clear(values);
            Array.Clear(derivatives);
            Array.Clear(valuesOnly);
            var done = EvaluateVectors(activation, width, x, values, derivatives, valuesOnly);
            Assert.True(done > x.Length - 16, $"only {done} of {x.Length} done at width {width}");
            AssertSame(activation, x, done, values, derivatives, valuesOnly);
        }
    }

    private static void AssertSame(Activation activation, double[] x, int count, double[] values, double[] derivatives, double[] valuesOnly)
    {
        for (var i = 0; i < count; i++)
        {
            var value = BitConverter.DoubleToInt64Bits(activation.Value(x[i]));
            var derivative = BitConverter.DoubleToInt64Bits(activation.Derivative(x[i]));
            if (value != BitConverter.DoubleToInt64Bits(values[i]))
            {
                Assert.Fail($"{activation.Name} value at x[{i}] = {x[i]:R}: {values[i]:R}, scalar {activation.Value(x[i]):R}");
            }

            if (value != BitConverter.DoubleToInt64Bits(valuesOnly[i]))
            {
                Assert.Fail($"{activation.Name} value alone at x[{i}] = {x[i]:R}: {valuesOnly[i]:R}, scalar {activation.Value(x[i]):R}");
            }

            if (derivative != BitConverter.DoubleToInt64Bits(derivatives[i]))
            {
                Assert.Fail($"{activation.Name} derivative at x[{i}] = {x[i]:R}: {derivatives[i]:R}, scalar {activation.Derivative(x[i]):R}");
            }
        }
    }

    private static void AssertSame(Activation activation, float[] x, int count, float[] values, float[] derivatives, float[] valuesOnly)
    {
        for (var i = 0; i < count; i++)
        {
            var value = BitConverter.SingleToInt32Bits(activation.Value(x[i]));
            var derivative = BitConverter.SingleToInt32Bits(activation.Derivative(x[i]));
            if (value != BitConverter.SingleToInt32Bits(values[i]))
            {
                Assert.Fail($"{activation.Name} value at x[{i}] = {x[i]:R}: {values[i]:R}, scalar {activation.Value(x[i]):R}");
            }

            if (value != BitConverter.SingleToInt32Bits(valuesOnly[i]))
            {
                Assert.Fail($"{activation.Name} value alone at x[{i}] = {x[i]:R}: {valuesOnly[i]:R}, scalar {activation.Value(x[i]):R}");
            }

            if (derivative != BitConverter.SingleToInt32Bits(derivatives[i]))
            {
                Assert.Fail($"{activation.Name} derivative at x[{i}] = {x[i]:R}: {derivatives[i]:R}, scalar {activation.Derivative(x[i]):R}");
            }
        }
    }

    private static IEnumerable<int> Widths =>
        new[] { (512, Simd512.IsHardwareAccelerated), (256, Simd256.IsHardwareAccelerated), (128, Simd128.IsHardwareAccelerated) }
            .Where(width => width.Item2)
            .Select(width => width.Item1);

    private static int EvaluateVectors(Activation activation, int width, double[] x, double[] values, double[] derivatives, double[] valuesOnly) => activation switch
    {
        ReluActivation => EvaluateVectors(default(ReluActivation.Kernel), width, x, values, derivatives, valuesOnly),
        LeakyReluActivation => EvaluateVectors(new LeakyReluActivation.Kernel(activation.ParameterValues[0]), width, x, values, derivatives, valuesOnly),
        HardSigmoidActivation => EvaluateVectors(default(HardSigmoidActivation.Kernel), width, x, values, derivatives, valuesOnly),
        HardSwishActivation => EvaluateVectors(default(HardSwishActivation.Kernel), width, x, values, derivatives, valuesOnly),
        SoftsignActivation => EvaluateVectors(default(SoftsignActivation.Kernel), width, x, values, derivatives, valuesOnly),
        _ => throw new ArgumentException($"{activation.Name} has no elementwise kernel."),
    };

    private static int EvaluateVectors(Activation activation, int width, float[] x, float[] values, float[] derivatives, float[] valuesOnly) => activation switch
    {
        ReluActivation => EvaluateVectors(default(ReluActivation.Kernel), width, x, values, derivatives, valuesOnly),
        LeakyReluActivation => EvaluateVectors(new LeakyReluActivation.Kernel((float)activation.ParameterValues[0]), width, x, values, derivatives, valuesOnly),
        HardSigmoidActivation => EvaluateVectors(default(HardSigmoidActivation.Kernel), width, x, values, derivatives, valuesOnly),
        HardSwishActivation => EvaluateVectors(default(HardSwishActivation.Kernel), width, x, values, derivatives, valuesOnly),
        SoftsignActivation => EvaluateVectors(default(SoftsignActivation.Kernel), width, x, values, derivatives, valuesOnly),
        _ => throw new ArgumentException($"{activation.Name} has no elementwise kernel."),
    };

    private static int EvaluateVectors<TKernel>(TKernel kernel, int width, double[] x, double[] values, double[] derivatives, double[] valuesOnly)
        where TKernel : struct, IElementwiseKernel
    {
        var (done, doneValues) = width switch
        {
            512 => (ElementwiseKernel.EvaluateVectors<TKernel, Simd512>(kernel, x, values, derivatives), ElementwiseKernel.EvaluateValueVectors<TKernel, Simd512>(kernel, x, valuesOnly)),
            256 => (ElementwiseKernel.EvaluateVectors<TKernel, Simd256>(kernel, x, values, derivatives), ElementwiseKernel.EvaluateValueVectors<TKernel, Simd256>(kernel, x, valuesOnly)),
            _ => (ElementwiseKernel.EvaluateVectors<TKernel, Simd128>(kernel, x, values, derivatives), ElementwiseKernel.EvaluateValueVectors<TKernel, Simd128>(kernel, x, valuesOnly)),
        };
        Assert.Equal(done, doneValues);
        return done;
    }

    private static int EvaluateVectors<TKernel>(TKernel kernel, int width, float[] x, float[] values, float[] derivatives, float[] valuesOnly)
        where TKernel : struct, IElementwiseKernel
    {
        var (done, doneValues) = width switch
        {
            512 => (ElementwiseKernel.EvaluateVectors<TKernel, Simd512>(kernel, x, values, derivatives), ElementwiseKernel.EvaluateValueVectors<TKernel, Simd512>(kernel, x, valuesOnly)),
            256 => (ElementwiseKernel.EvaluateVectors<TKernel, Simd256>(kernel, x, values, derivatives), ElementwiseKernel.EvaluateValueVectors<TKernel, Simd256>(kernel, x, valuesOnly)),
            _ => (ElementwiseKernel.EvaluateVectors<TKernel, Simd128>(kernel, x, values, derivatives), ElementwiseKernel.EvaluateValueVectors<TKernel, Simd128>(kernel, x, valuesOnly)),
        };
        Assert.Equal(done, doneValues);
        return done;
    }
}
