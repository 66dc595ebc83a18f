using SigmoidService.Domain.Activations;
using SigmoidService.Domain.Common;

namespace SigmoidService.Domain.Tests.Activations;

public sealed class ActivationSpecialValueTests
{
    public static TheoryData<string> Names => [.. ActivationCatalog.All.Select(activation => activation.Name)];

    private static Activation Get(string name) =>
        ActivationCatalog.TryGet(name, out var activation) ? activation : throw new ArgumentException(name);

    [Theory]
    [InlineData("sigmoid", 0.0, 1.0, 0.0, 0.0)]
    [InlineData("log-sigmoid", double.NegativeInfinity, 0.0, 1.0, 0.0)]
    [InlineData("tanh", -1.0, 1.0, 0.0, 0.0)]
    [InlineData("relu", 0.0, double.PositiveInfinity, 0.0, 1.0)]
    [InlineData("leaky-relu", double.NegativeInfinity, double.PositiveInfinity, 0.01, 1.0)]
    [InlineData("elu", -1.0, double.PositiveInfinity, 0.0, 1.0)]
    [InlineData("selu", -1.7580993408473766, double.PositiveInfinity, 0.0, 1.0507009873554805)]
    [InlineData("gelu", 0.0, double.PositiveInfinity, 0.0, 1.0)]
    [InlineData("silu", 0.0, double.PositiveInfinity, 0.0, 1.0)]
    [InlineData("softplus", 0.0, double.PositiveInfinity, 0.0, 1.0)]
    [InlineData("softsign", -1.0, 1.0, 0.0, 0.0)]
    [InlineData("hard-sigmoid", 0.0, 1.0, 0.0, 0.0)]
    [InlineData("hard-swish", 0.0, double.PositiveInfinity, 0.0, 1.0)]
    [InlineData("mish", 0.0, double.PositiveInfinity, 0.0, 1.0)]
    [InlineData("scaled-sigmoid", 0.0, 1.0, 0.0, 0.0)]
    public void ValueAndDerivative_Infinity_AreTheLimits(string name, double atMinus, double atPlus, double slopeAtMinus, double slopeAtPlus)
    {
        var activation = Get(name);

        Assert.Equal(atMinus, activation.Value(double.NegativeInfinity));
        Assert.Equal(atPlus, activation.Value(double.PositiveInfinity));
        Assert.Equal(slopeAtMinus, activation.Derivative(double.NegativeInfinity));
        Assert.Equal(slopeAtPlus, activation.Derivative(double.PositiveInfinity));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ValueAndDerivative_NaN_IsNaN(string name)
    {
        var activation = Get(name);

        Assert.True(double.IsNaN(activation.Value(double.NaN)));
        Assert.True(double.IsNaN(activation.Derivative(double.NaN)));
        Assert.True(float.IsNaN(activation.Value(float.NaN)));
    }

    [Fact]
    public void Sigmoid_AtExtremes_KeepsSubnormalAndTinyDerivatives()
    {
        var sigmoid = new SigmoidActivation();

        Assert.Equal(double.Epsilon, sigmoid.Value(-745.0));
        Assert.Equal(0.0, sigmoid.Value(-746.0));
        Assert.Equal(1.0, sigmoid.Value(40.0));
        Assert.True(sigmoid.Derivative(40.0) > 4.2e-18, "s (1 - s) would be 0 here.");
        Assert.Equal(double.Epsilon, sigmoid.Derivative(745.0));
    }

    [Fact]
    public void LogSigmoid_AtExtremes_IsFinite()
    {
        var logSigmoid = new LogSigmoidActivation();

        Assert.Equal(-1000.0, logSigmoid.Value(-1000.0));
        Assert.Equal(-double.Epsilon, logSigmoid.Value(745.0));
        Assert.True(logSigmoid.Value(40.0) < 0, "log(sigmoid(40)) would be 0.");
    }

    [Fact]
    public void Logit_EndsAndOutside_AreInfiniteOrNaN()
    {
        var logit = new LogitActivation();

        Assert.Equal(double.NegativeInfinity, logit.Value(0.0));
        Assert.Equal(double.PositiveInfinity, logit.Value(1.0));
        Assert.Equal(double.PositiveInfinity, logit.Derivative(0.0));
        Assert.True(double.IsNaN(logit.Value(-0.5)));
        Assert.True(double.IsNaN(logit.Value(1.5)));
        Assert.Equal(0.0, logit.Value(0.5));
        Assert.Equal(4.0, logit.Derivative(0.5));
    }

    [Fact]
    public void Logit_OfSigmoid_RoundTrips()
    {
        var logit = new LogitActivation();
        var sigmoid = new SigmoidActivation();

        foreach (var x in new[] { -30.0, -2.5, -1e-10, 0.3, 7.0 })
        {
            Assert.Equal(x, logit.Value(sigmoid.Value(x)), 1e-12 * Math.Max(1.0, Math.Abs(x)) * 1e4);
        }
    }

    [Theory]
    [InlineData("relu", 0.0, 0.0)]
    [InlineData("leaky-relu", 0.0, 0.01)]
    [InlineData("elu", 0.0, 1.0)]
    [InlineData("selu", 0.0, 1.0507009873554805 * 1.6732632423543772)]
    [InlineData("hard-sigmoid", -3.0, 0.0)]
    [InlineData("hard-sigmoid", 3.0, 0.0)]
    [InlineData("hard-swish", -3.0, -0.5)]
    [InlineData("hard-swish", 3.0, 1.5)]
    public void Derivative_AtKink_IsPyTorchs(string name, double x, double expected)
    {
        Assert.Equal(expected, Get(name).Derivative(x));
    }

    [Fact]
    public void WithParameters_Valid_ChangesTheFunction()
    {
        var leaky = Get("leaky-relu").WithParameters(new Dictionary<string, double> { ["alpha"] = 0.2 });
        var scaled = Get("scaled-sigmoid").WithParameters(new Dictionary<string, double> { ["l"] = 2.0, ["k"] = 3.0, ["x0"] = 1.0 });
        var softplus = Get("softplus").WithParameters(new Dictionary<string, double> { ["beta"] = 2.0 });

        Assert.Equal(-0.4, leaky.Value(-2.0));
        Assert.Equal(0.2, leaky.Derivative(-1.0));
        Assert.Equal(1.0, scaled.Value(1.0));
        Assert.Equal(1.5, scaled.Derivative(1.0));
        Assert.Equal(Math.Log(2.0) / 2.0, softplus.Value(0.0), 1e-16);
        Assert.Equal(0.2, leaky.Parameters["alpha"]);
        Assert.Equal(0.01, Get("leaky-relu").Parameters["alpha"]);
    }

    [Fact]
    public void WithParameters_UnknownName_ThrowsNamingTheParameter()
    {
        var exception = Assert.Throws<InvalidInputException>(() =>
            Get("elu").WithParameters(new Dictionary<string, double> { ["beta"] = 1.0 }));

        Assert.Equal("parameters.beta", exception.Field);
        Assert.Contains("alpha", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void WithParameters_InvalidBeta_Throws(double beta)
    {
        var exception = Assert.Throws<InvalidInputException>(() =>
            Get("softplus").WithParameters(new Dictionary<string, double> { ["beta"] = beta }));

        Assert.Equal("parameters.beta", exception.Field);
    }

    [Fact]
    public void SinglePrecision_RoundsParametersToSingle()
    {
        var leaky = Get("leaky-relu").WithParameters(new Dictionary<string, double> { ["alpha"] = 0.1 });

        Assert.Equal((float)(0.1f * -3.0), leaky.Value(-3.0f));
        Assert.Equal(0.1f, leaky.Derivative(-3.0f));
    }

    [Fact]
    public void Catalogue_ListsEveryActivationWithMetadata()
    {
        string[] expected =
        [
            "sigmoid", "log-sigmoid", "logit", "tanh", "relu", "leaky-relu", "elu", "selu", "gelu", "silu",
            "softplus", "softsign", "hard-sigmoid", "hard-swish", "mish", "scaled-sigmoid",
        ];

        Assert.Equal(expected, ActivationCatalog.All.Select(activation => activation.Name));
        foreach (var activation in ActivationCatalog.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(activation.Info.Formula));
            Assert.False(string.IsNullOrWhiteSpace(activation.Info.DerivativeLatex));
            Assert.True(activation.Info.Range.Min < activation.Info.Range.Max);
        }

        Assert.Equal(["l", "k", "x0"], Get("scaled-sigmoid").Info.Parameters.Select(parameter => parameter.Name));
        Assert.Equal(1.0, Get("elu").Info.Parameters[0].Default);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Evaluate_Array_MatchesScalarAtSpecialPoints(string name)
    {
        var activation = Get(name);
        double[] x = name == "logit"
            ? [0.0, 1.0, 0.5, double.Epsilon, 1e-300, 0.25, 0.75, 1 - 1e-16, 0.1, 0.9, 0.3, 0.6, 0.999, 0.001, 0.2, 0.4, 0.7]
            : [double.NegativeInfinity, double.PositiveInfinity, double.NaN, -0.0, 0.0, -745.0, 745.0, -709.8, 709.8, -37.0, 37.0, double.Epsilon, -double.Epsilon, 1e-300, 3.0, -3.0, 1e308];
        var values = new double[x.Length];
        var derivatives = new double[x.Length];

        activation.Evaluate(x, values, derivatives);

        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(activation.Value(x[i]), values[i]);
            Assert.Equal(activation.Derivative(x[i]), derivatives[i]);
            if (!double.IsNaN(x[i]))
            {
                Assert.False(double.IsNaN(values[i]), $"{name}({x[i]:R}) is NaN.");
                Assert.False(double.IsNaN(derivatives[i]), $"{name}'({x[i]:R}) is NaN.");
            }
        }
    }

    [Fact]
    public void SigmoidKernel_EveryVectorWidth_MatchesReference()
    {
        var reference = ReferenceData.Double;
        var (expectedValues, expectedDerivatives) = reference.Activations["sigmoid"];
        var widths = new Func<double[], double[], double[], int>[]
        {
            (x, v, d) => SigmoidKernel.EvaluateVectors<Simd512>(x, v, d),
            (x, v, d) => SigmoidKernel.EvaluateVectors<Simd256>(x, v, d),
            (x, v, d) => SigmoidKernel.EvaluateVectors<Simd128>(x, v, d),
        };

        foreach (var evaluate in widths)
        {
            var values = new double[reference.X.Length];
            var derivatives = new double[reference.X.Length];

            var done = evaluate(reference.X, values, derivatives);

            Assert.True(done > reference.X.Length - 8);
            for (var i = 0; i < done; i++)
            {
                Assert.True(ReferenceData.UlpDistance(expectedValues[i], values[i]) <= 2, $"value at {reference.X[i]:R}");
                Assert.True(ReferenceData.UlpDistance(expectedDerivatives[i], derivatives[i]) <= 2, $"derivative at {reference.X[i]:R}");
            }
        }
    }
}
