using SigmoidService.Domain.Activations;

namespace SigmoidService.Domain.Tests.Activations;

/// <summary>
/// The vectorised sigmoid at the points where its exp changes table entry, exponent or path, at every vector
/// width, against mpmath: doubles within 1 ulp and singles correctly rounded.
/// </summary>
public sealed class SigmoidKernelTests
{
    private const int DoubleTolerance = 1;

    public static TheoryData<string> Widths => ["512", "256", "128"];

    [Theory]
    [MemberData(nameof(Widths))]
    public void EvaluateVectors_DoubleSwitchPoints_WithinOneUlpOfMpmath(string width)
    {
        var reference = ReferenceData.SigmoidKernelDouble;
        var (expectedValues, expectedDerivatives) = reference.Activations["sigmoid"];
        var x = reference.X;
        var values = new double[x.Length];
        var derivatives = new double[x.Length];
        var valuesOnly = new double[x.Length];

        var done = EvaluateDouble(width, x, values, derivatives);
        var doneValues = EvaluateDoubleValues(width, x, valuesOnly);

        Assert.True(done > x.Length - 8, $"only {done} of {x.Length} done");
        Assert.Equal(done, doneValues);
        for (var i = 0; i < done; i++)
        {
            Assert.True(ReferenceData.UlpDistance(expectedValues[i], values[i]) <= DoubleTolerance, $"value at {x[i]:R}: {values[i]:R}, expected {expectedValues[i]:R}");
            Assert.True(ReferenceData.UlpDistance(expectedValues[i], valuesOnly[i]) <= DoubleTolerance, $"value alone at {x[i]:R}: {valuesOnly[i]:R}, expected {expectedValues[i]:R}");
            Assert.True(ReferenceData.UlpDistance(expectedDerivatives[i], derivatives[i]) <= DoubleTolerance, $"derivative at {x[i]:R}: {derivatives[i]:R}, expected {expectedDerivatives[i]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void EvaluateVectors_SingleSwitchPoints_CorrectlyRounded(string width)
    {
        var reference = ReferenceData.SigmoidKernelSingle;
        var (expectedValues, expectedDerivatives) = reference.Activations["sigmoid"];
        var x = reference.X.Select(value => (float)value).ToArray();
        var values = new float[x.Length];
        var derivatives = new float[x.Length];
        var valuesOnly = new float[x.Length];

        var done = EvaluateSingle(width, x, values, derivatives);
        var doneValues = EvaluateSingleValues(width, x, valuesOnly);

        Assert.True(done > x.Length - 16, $"only {done} of {x.Length} done");
        Assert.Equal(done, doneValues);
        for (var i = 0; i < done; i++)
        {
            Assert.True((float)expectedValues[i] == values[i], $"value at {x[i]:R}: {values[i]:R}, expected {(float)expectedValues[i]:R}");
            Assert.True((float)expectedValues[i] == valuesOnly[i], $"value alone at {x[i]:R}: {valuesOnly[i]:R}, expected {(float)expectedValues[i]:R}");
            Assert.True((float)expectedDerivatives[i] == derivatives[i], $"derivative at {x[i]:R}: {derivatives[i]:R}, expected {(float)expectedDerivatives[i]:R}");
        }
    }

    /// <summary>
    /// NaN, subnormal-path and ordinary lanes in the same vectors, each at every lane position of 8 doubles
    /// and 16 singles. The kernel tests for both rare cases at once, and each lane must still take its own path.
    /// </summary>
    [Fact]
    public void Evaluate_RareAndOrdinaryLanesMixed_MatchesScalar()
    {
        double[] pattern = [double.NaN, -800.0, 3.0, -720.5, 0.5, 1000.0, -1.0, -708.5, 40.0];
        var x = Enumerable.Range(0, 16 * pattern.Length).Select(i => pattern[i % pattern.Length]).ToArray();
        var sigmoid = new SigmoidActivation();
        var values = new double[x.Length];
        var derivatives = new double[x.Length];
        var valuesOnly = new double[x.Length];
        var singleX = x.Select(value => (float)value).ToArray();
        var singleValues = new float[x.Length];
        var singleDerivatives = new float[x.Length];

        sigmoid.Evaluate(x, values, derivatives);
        sigmoid.EvaluateValues(x, valuesOnly);
        sigmoid.Evaluate(singleX, singleValues, singleDerivatives);

        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(sigmoid.Value(x[i]), values[i]);
            Assert.Equal(sigmoid.Value(x[i]), valuesOnly[i]);
            Assert.Equal(sigmoid.Derivative(x[i]), derivatives[i]);
            Assert.Equal(sigmoid.Value(singleX[i]), singleValues[i]);
            Assert.Equal(sigmoid.Derivative(singleX[i]), singleDerivatives[i]);
        }
    }

    private static int EvaluateDouble(string width, double[] x, double[] values, double[] derivatives) => width switch
    {
        "512" => SigmoidKernel.EvaluateVectors<Simd512>(x, values, derivatives),
        "256" => SigmoidKernel.EvaluateVectors<Simd256>(x, values, derivatives),
        _ => SigmoidKernel.EvaluateVectors<Simd128>(x, values, derivatives),
    };

    private static int EvaluateDoubleValues(string width, double[] x, double[] values) => width switch
    {
        "512" => SigmoidKernel.EvaluateValueVectors<Simd512>(x, values),
        "256" => SigmoidKernel.EvaluateValueVectors<Simd256>(x, values),
        _ => SigmoidKernel.EvaluateValueVectors<Simd128>(x, values),
    };

    private static int EvaluateSingle(string width, float[] x, float[] values, float[] derivatives) => width switch
    {
        "512" => SigmoidKernel.EvaluateVectors<Simd512>(x, values, derivatives),
        "256" => SigmoidKernel.EvaluateVectors<Simd256>(x, values, derivatives),
        _ => SigmoidKernel.EvaluateVectors<Simd128>(x, values, derivatives),
    };

    private static int EvaluateSingleValues(string width, float[] x, float[] values) => width switch
    {
        "512" => SigmoidKernel.EvaluateValueVectors<Simd512>(x, values),
        "256" => SigmoidKernel.EvaluateValueVectors<Simd256>(x, values),
        _ => SigmoidKernel.EvaluateValueVectors<Simd128>(x, values),
    };
}
