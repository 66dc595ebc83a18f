using System.Text.Json;
using SigmoidService.Domain.Common;
using SigmoidService.Domain.Networks;

namespace SigmoidService.Domain.Tests.Networks;

public sealed class LstmCellTests
{
    // torch.nn.LSTMCell in float64 (tests/reference/networks/lstm_reference.py); absolute difference.
    private const double Tolerance = 1e-12;

    public static TheoryData<string> CaseNames()
    {
        using var document = ReferenceData.Load("lstm_reference.json");
        var names = new TheoryData<string>();
        foreach (var item in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            names.Add(item.GetProperty("name").GetString()!);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Forward_ReferenceCase_MatchesPyTorch(string name)
    {
        using var document = ReferenceData.Load("lstm_reference.json");
        var item = FindCase(document, name);
        var weights = item.GetProperty("weights");
        var lstmWeights = new LstmWeights(
            ReferenceData.Matrix(weights.GetProperty("inputHidden")),
            ReferenceData.Matrix(weights.GetProperty("hiddenHidden")),
            ReferenceData.Vector(weights.GetProperty("inputBias")),
            ReferenceData.Vector(weights.GetProperty("hiddenBias")));

        var steps = LstmCell.Forward(
            lstmWeights,
            ReferenceData.Matrix(item.GetProperty("inputs")),
            OptionalVector(item.GetProperty("hidden")),
            OptionalVector(item.GetProperty("cell")),
            TestFunctions.Sigmoid,
            Math.Tanh);

        var expected = item.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, steps.Length);
        for (var t = 0; t < steps.Length; t++)
        {
            var gates = expected[t].GetProperty("gates");
            AssertClose(ReferenceData.Vector(expected[t].GetProperty("hidden")), steps[t].Hidden, $"step {t} hidden");
            AssertClose(ReferenceData.Vector(expected[t].GetProperty("cell")), steps[t].Cell, $"step {t} cell");
            AssertClose(ReferenceData.Vector(gates.GetProperty("input")), steps[t].Gates.Input, $"step {t} input gate");
            AssertClose(ReferenceData.Vector(gates.GetProperty("forget")), steps[t].Gates.Forget, $"step {t} forget gate");
            AssertClose(ReferenceData.Vector(gates.GetProperty("cell")), steps[t].Gates.Cell, $"step {t} cell gate");
            AssertClose(ReferenceData.Vector(gates.GetProperty("output")), steps[t].Gates.Output, $"step {t} output gate");
        }
    }

    [Theory]
    [InlineData("seeded weights")]
    [InlineData("seeded weights, one unit")]
    public void Seeded_ReferenceSeed_ReproducesDocumentedWeights(string name)
    {
        using var document = ReferenceData.Load("lstm_reference.json");
        var item = FindCase(document, name);
        var weights = item.GetProperty("weights");

        var seeded = LstmWeights.Seeded(item.GetProperty("inputSize").GetInt32(), item.GetProperty("hiddenSize").GetInt32(),
            item.GetProperty("seed").GetUInt64());

        // The generator is reimplemented in Python, so the weights must agree bit for bit.
        Assert.Equal(ReferenceData.Matrix(weights.GetProperty("inputHidden")), seeded.InputHidden);
        Assert.Equal(ReferenceData.Matrix(weights.GetProperty("hiddenHidden")), seeded.HiddenHidden);
        Assert.Equal(ReferenceData.Vector(weights.GetProperty("inputBias")), seeded.InputBias);
        Assert.Equal(ReferenceData.Vector(weights.GetProperty("hiddenBias")), seeded.HiddenBias);
    }

    [Fact]
    public void Seeded_AllWeights_LieWithinPyTorchBound()
    {
        var weights = LstmWeights.Seeded(6, 16, 3);
        var bound = 1 / Math.Sqrt(16);

        var all = weights.InputHidden.SelectMany(row => row)
            .Concat(weights.HiddenHidden.SelectMany(row => row))
            .Concat(weights.InputBias)
            .Concat(weights.HiddenBias)
            .ToArray();

        Assert.Equal((4 * 16 * 6) + (4 * 16 * 16) + (2 * 4 * 16), all.Length);
        Assert.All(all, value => Assert.InRange(value, -bound, bound));
    }

    [Fact]
    public void Forward_InputOfWrongLength_NamesInputRow()
    {
        var weights = LstmWeights.Seeded(3, 2, 1);

        var error = Assert.Throws<InvalidInputException>(() =>
            LstmCell.Forward(weights, [[1.0, 2.0, 3.0], [1.0, 2.0]], null, null, TestFunctions.Sigmoid, Math.Tanh));

        Assert.Equal("inputs[1]", error.Field);
    }

    [Fact]
    public void Forward_HiddenStateOfWrongLength_NamesHidden()
    {
        var weights = LstmWeights.Seeded(3, 2, 1);

        var error = Assert.Throws<InvalidInputException>(() =>
            LstmCell.Forward(weights, [[1.0, 2.0, 3.0]], [0.0, 0.0, 0.0], null, TestFunctions.Sigmoid, Math.Tanh));

        Assert.Equal("hidden", error.Field);
    }

    [Fact]
    public void Weights_HiddenHiddenOfWrongWidth_NamesRow()
    {
        var inputHidden = Enumerable.Range(0, 8).Select(_ => new double[3]).ToArray();
        var hiddenHidden = Enumerable.Range(0, 8).Select(i => new double[i == 5 ? 3 : 2]).ToArray();

        var error = Assert.Throws<InvalidInputException>(() => new LstmWeights(inputHidden, hiddenHidden, new double[8], new double[8]));

        Assert.Equal("weights.hiddenHidden[5]", error.Field);
    }

    [Fact]
    public void Weights_RowCountNotMultipleOfFour_NamesInputHidden()
    {
        var inputHidden = Enumerable.Range(0, 6).Select(_ => new double[3]).ToArray();

        var error = Assert.Throws<InvalidInputException>(() => new LstmWeights(inputHidden, [], [], []));

        Assert.Equal("weights.inputHidden", error.Field);
    }

    private static JsonElement FindCase(JsonDocument document, string name) =>
        document.RootElement.GetProperty("cases").EnumerateArray().Single(item => item.GetProperty("name").GetString() == name).Clone();

    private static double[]? OptionalVector(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : ReferenceData.Vector(element);

    private static void AssertClose(double[] expected, double[] actual, string label)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance,
                $"{label}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (difference {Math.Abs(expected[i] - actual[i]):E2} > {Tolerance:E0}).");
        }
    }
}
