using System.Text.Json;
using SigmoidService.Domain.Networks;

namespace SigmoidService.Domain.Tests.Networks;

public sealed class VanishingGradientExperimentTests
{
    // torch autograd in float64 on the same seeded network (tests/reference/networks/vanishing_gradient_reference.py).
    // Sums run in a different order, so the bound is relative, with a tiny absolute floor for means near 0.
    private const double RelativeTolerance = 1e-9;
    private const double AbsoluteFloor = 1e-15;

    public static TheoryData<int> CaseIndexes()
    {
        using var document = ReferenceData.Load("vanishing_gradient_reference.json");
        var indexes = new TheoryData<int>();
        for (var i = 0; i < document.RootElement.GetProperty("cases").GetArrayLength(); i++)
        {
            indexes.Add(i);
        }

        return indexes;
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Run_ReferenceCase_MatchesPyTorchAutograd(int index)
    {
        using var document = ReferenceData.Load("vanishing_gradient_reference.json");
        var item = document.RootElement.GetProperty("cases")[index];
        var activation = item.GetProperty("activation").GetString()!;
        var initialization = Enum.Parse<WeightInitialization>(item.GetProperty("initialization").GetString()!, ignoreCase: true);

        var result = VanishingGradientExperiment.Run(
            TestFunctions.For(activation),
            item.GetProperty("depth").GetInt32(),
            item.GetProperty("width").GetInt32(),
            initialization,
            item.GetProperty("samples").GetInt32(),
            item.GetProperty("seed").GetUInt64());

        var expectedLayers = item.GetProperty("layers").EnumerateArray().ToArray();
        Assert.Equal(expectedLayers.Length, result.Layers.Count);
        AssertClose(item.GetProperty("loss"), result.Loss, "loss");
        AssertClose(item.GetProperty("firstToLastGradientRatio"), result.FirstToLastGradientRatio, "firstToLastGradientRatio");
        for (var l = 0; l < expectedLayers.Length; l++)
        {
            var expected = expectedLayers[l];
            var actual = result.Layers[l];
            Assert.Equal(expected.GetProperty("layer").GetInt32(), actual.Layer);
            AssertClose(expected.GetProperty("activationMean"), actual.ActivationMean, $"layer {l + 1} activationMean");
            AssertClose(expected.GetProperty("activationStd"), actual.ActivationStd, $"layer {l + 1} activationStd");
            AssertClose(expected.GetProperty("gradientNorm"), actual.GradientNorm, $"layer {l + 1} gradientNorm");
            AssertClose(expected.GetProperty("weightGradientNorm"), actual.WeightGradientNorm, $"layer {l + 1} weightGradientNorm");
        }
    }

    [Fact]
    public void Run_SigmoidWithStandardInit_GradientVanishesTowardInput()
    {
        var result = VanishingGradientExperiment.Run(TestFunctions.For("sigmoid"), 10, 64, WeightInitialization.Standard, 128, 1);

        // Each sigmoid layer multiplies the gradient by at most 0.25 times a small weight matrix.
        Assert.True(result.FirstToLastGradientRatio < 1e-3, $"ratio {result.FirstToLastGradientRatio:E3}");
        for (var l = 1; l < result.Layers.Count; l++)
        {
            Assert.True(result.Layers[l - 1].GradientNorm < result.Layers[l].GradientNorm,
                $"layer {l} norm {result.Layers[l - 1].GradientNorm:E3} is not below layer {l + 1} norm {result.Layers[l].GradientNorm:E3}");
        }
    }

    [Fact]
    public void Run_ReluWithHeInit_GradientDoesNotVanish()
    {
        var result = VanishingGradientExperiment.Run(TestFunctions.For("relu"), 10, 64, WeightInitialization.He, 128, 1);

        Assert.InRange(result.FirstToLastGradientRatio, 0.1, 10);
    }

    [Fact]
    public void Run_SameSeed_GivesSameResult()
    {
        var first = VanishingGradientExperiment.Run(TestFunctions.For("tanh"), 4, 16, WeightInitialization.Xavier, 32, 99);
        var second = VanishingGradientExperiment.Run(TestFunctions.For("tanh"), 4, 16, WeightInitialization.Xavier, 32, 99);

        Assert.Equal(first.Layers, second.Layers);
        Assert.Equal(first.Loss, second.Loss);
    }

    [Theory]
    [InlineData(WeightInitialization.Standard, 64, 64, 0.125)]
    [InlineData(WeightInitialization.Xavier, 64, 64, 0.21650635094610965)]
    [InlineData(WeightInitialization.He, 64, 64, 0.30618621784789724)]
    public void Bound_KnownFanIn_MatchesFormula(WeightInitialization initialization, int fanIn, int fanOut, double expected)
    {
        Assert.Equal(expected, VanishingGradientExperiment.Bound(initialization, fanIn, fanOut), 15);
    }

    private static void AssertClose(JsonElement expectedElement, double actual, string label)
    {
        var expected = expectedElement.GetDouble();
        var allowed = (RelativeTolerance * Math.Abs(expected)) + AbsoluteFloor;
        Assert.True(Math.Abs(expected - actual) <= allowed,
            $"{label}: expected {expected:R}, got {actual:R} (difference {Math.Abs(expected - actual):E2} > {allowed:E2}).");
    }
}
