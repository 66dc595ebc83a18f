using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using SigmoidService.Domain.Activations;

namespace SigmoidService.Api.Tests.Networks;

public sealed class NetworkEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string Neuron = "/api/v1/networks/neuron/forward";
    private const string Boundary = "/api/v1/networks/neuron/decision-boundary";
    private const string Lstm = "/api/v1/networks/lstm-cell/forward";

    [Fact]
    public async Task NeuronForward_SigmoidNeuron_ReturnsCatalogueSigmoid()
    {
        using var client = factory.CreateClient();

        var (status, body, _) = await ApiClient.PostAsync(client, Neuron,
            """{"weights": [0.5, -1.0], "bias": 0.25, "activation": "sigmoid", "inputs": [[2.0, 1.0], [-4.0, 3.0]]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([0.25, -4.75], ApiClient.Vector(body.GetProperty("preActivations")));
        ActivationCatalog.TryGet("sigmoid", out var sigmoid);
        Assert.Equal([sigmoid!.Value(0.25), sigmoid.Value(-4.75)], ApiClient.Vector(body.GetProperty("outputs")));
        Assert.Equal([sigmoid.Derivative(0.25), sigmoid.Derivative(-4.75)], ApiClient.Vector(body.GetProperty("derivatives")));
    }

    [Fact]
    public async Task NeuronForward_LeakyReluWithAlpha_UsesParameter()
    {
        using var client = factory.CreateClient();

        var (status, body, _) = await ApiClient.PostAsync(client, Neuron,
            """{"weights": [1.0], "activation": "leaky-relu", "parameters": {"alpha": 0.2}, "inputs": [[-2.0], [3.0]]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([-0.4, 3.0], ApiClient.Vector(body.GetProperty("outputs")));
    }

    [Fact]
    public async Task NeuronForward_RowOfWrongLength_NamesRow()
    {
        using var client = factory.CreateClient();

        var message = await ApiClient.AssertValidationProblemAsync(client, Neuron,
            """{"weights": [1.0, 2.0], "inputs": [[1.0, 2.0], [1.0]]}""", "inputs[1]");

        Assert.Contains("one per weight", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeuronForward_NaNInput_NamesElement()
    {
        using var client = factory.CreateClient();

        await ApiClient.AssertValidationProblemAsync(client, Neuron,
            """{"weights": [1.0, 2.0], "inputs": [[1.0, "NaN"]]}""", "inputs[0][1]");
    }

    [Fact]
    public async Task NeuronForward_UnknownActivation_ListsKnownNames()
    {
        using var client = factory.CreateClient();

        var message = await ApiClient.AssertValidationProblemAsync(client, Neuron,
            """{"weights": [1.0], "activation": "swish2", "inputs": [[1.0]]}""", "activation");

        Assert.Contains("sigmoid", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeuronForward_Logit_RejectsRestrictedDomain()
    {
        using var client = factory.CreateClient();

        var message = await ApiClient.AssertValidationProblemAsync(client, Neuron,
            """{"weights": [1.0], "activation": "logit", "inputs": [[0.5]]}""", "activation");

        Assert.Contains("defined on [0, 1] only", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeuronForward_UnknownParameter_NamesParameter()
    {
        using var client = factory.CreateClient();

        await ApiClient.AssertValidationProblemAsync(client, Neuron,
            """{"weights": [1.0], "activation": "leaky-relu", "parameters": {"beta": 2}, "inputs": [[1.0]]}""", "parameters.beta");
    }

    [Fact]
    public async Task NeuronForward_InfiniteWeight_NamesWeight()
    {
        using var client = factory.CreateClient();

        await ApiClient.AssertValidationProblemAsync(client, Neuron,
            """{"weights": [1.0, "Infinity"], "inputs": [[1.0, 1.0]]}""", "weights[1]");
    }

    [Fact]
    public async Task DecisionBoundary_Diagonal_ReturnsGridAndLine()
    {
        using var client = factory.CreateClient();

        var (status, body, _) = await ApiClient.PostAsync(client, Boundary,
            """{"weights": [1.0, 1.0], "bias": -1.0, "xRange": [0, 1], "yRange": [0, 1], "points": 11}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(11, body.GetProperty("x").GetArrayLength());
        Assert.Equal(11, body.GetProperty("probabilities").GetArrayLength());
        Assert.Equal(0.5, body.GetProperty("probabilities")[5][5].GetDouble());
        var boundary = body.GetProperty("boundary");
        Assert.Equal("line", boundary.GetProperty("kind").GetString());
        Assert.Equal(-1.0, boundary.GetProperty("slope").GetDouble());
        Assert.Equal(1.0, boundary.GetProperty("start").GetProperty("y").GetDouble());
        Assert.Equal(1.0, boundary.GetProperty("end").GetProperty("x").GetDouble());
    }

    [Fact]
    public async Task DecisionBoundary_ZeroWeightOnY_IsVertical()
    {
        using var client = factory.CreateClient();

        var (status, body, _) = await ApiClient.PostAsync(client, Boundary, """{"weights": [2.0, 0.0], "bias": -1.0, "points": 3}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var boundary = body.GetProperty("boundary");
        Assert.Equal("vertical", boundary.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, boundary.GetProperty("slope").ValueKind);
        Assert.Equal(0.5, boundary.GetProperty("xIntercept").GetDouble());
    }

    [Fact]
    public async Task DecisionBoundary_PointsOverLimit_NamesPoints()
    {
        using var client = factory.CreateClient();

        await ApiClient.AssertValidationProblemAsync(client, Boundary, """{"weights": [1.0, 1.0], "points": 100000}""", "points");
    }

    [Fact]
    public async Task DecisionBoundary_ThreeWeights_NamesWeights()
    {
        using var client = factory.CreateClient();

        await ApiClient.AssertValidationProblemAsync(client, Boundary, """{"weights": [1.0, 1.0, 1.0]}""", "weights");
    }

    [Fact]
    public async Task DecisionBoundary_ReversedRange_NamesRange()
    {
        using var client = factory.CreateClient();

        await ApiClient.AssertValidationProblemAsync(client, Boundary, """{"weights": [1.0, 1.0], "xRange": [1, 0]}""", "xRange");
    }

    [Fact]
    public async Task LstmForward_SeededWeights_ReturnsStepsAndWeights()
    {
        using var client = factory.CreateClient();

        var (status, body, _) = await ApiClient.PostAsync(client, Lstm,
            """{"inputs": [[0.5, -1.0, 2.0], [0.1, 0.2, 0.3]], "inputSize": 3, "hiddenSize": 4, "seed": 7}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var steps = body.GetProperty("steps");
        Assert.Equal(2, steps.GetArrayLength());
        Assert.Equal(4, steps[1].GetProperty("hidden").GetArrayLength());
        Assert.Equal(4, steps[1].GetProperty("gates").GetProperty("forget").GetArrayLength());
        Assert.Equal(16, body.GetProperty("weights").GetProperty("inputHidden").GetArrayLength());
    }

    [Fact]
    public async Task LstmForward_ReferenceWeights_MatchPyTorch()
    {
        using var client = factory.CreateClient();
        using var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reference", "networks", "lstm_reference.json")));
        var item = reference.RootElement.GetProperty("cases")[0];
        var request = JsonSerializer.Serialize(new
        {
            inputs = item.GetProperty("inputs"),
            hidden = item.GetProperty("hidden"),
            cell = item.GetProperty("cell"),
            weights = item.GetProperty("weights"),
        });

        var (status, body, _) = await ApiClient.PostAsync(client, Lstm, request);

        Assert.Equal(HttpStatusCode.OK, status);
        var expected = item.GetProperty("steps");
        var actual = body.GetProperty("steps");
        Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
        for (var t = 0; t < expected.GetArrayLength(); t++)
        {
            // torch.nn.LSTMCell in float64; absolute tolerance 1e-12.
            var hidden = ApiClient.Vector(actual[t].GetProperty("hidden"));
            var expectedHidden = ApiClient.Vector(expected[t].GetProperty("hidden"));
            for (var k = 0; k < hidden.Length; k++)
            {
                Assert.Equal(expectedHidden[k], hidden[k], 1e-12);
            }
        }

        Assert.Equal(JsonValueKind.Null, body.GetProperty("weights").ValueKind);
    }

    [Fact]
    public async Task LstmForward_InputOfWrongLength_NamesRow()
    {
        using var client = factory.CreateClient();

        await ApiClient.AssertValidationProblemAsync(client, Lstm,
            """{"inputs": [[1.0, 2.0, 3.0], [1.0, 2.0]], "inputSize": 3, "hiddenSize": 2}""", "inputs[1]");
    }

    [Fact]
    public async Task LstmForward_HiddenSizeOverLimit_NamesHiddenSize()
    {
        using var client = factory.CreateClient();

        await ApiClient.AssertValidationProblemAsync(client, Lstm,
            """{"inputs": [[1.0]], "inputSize": 1, "hiddenSize": 100000}""", "hiddenSize");
    }

    [Fact]
    public async Task LstmForward_StateOfWrongLength_NamesHidden()
    {
        using var client = factory.CreateClient();

        await ApiClient.AssertValidationProblemAsync(client, Lstm,
            """{"inputs": [[1.0]], "hidden": [0, 0, 0], "inputSize": 1, "hiddenSize": 2}""", "hidden");
    }

    [Fact]
    public async Task LstmForward_BiasOfWrongLength_NamesBias()
    {
        using var client = factory.CreateClient();
        var request = """
            {"inputs": [[1.0]], "weights": {"inputHidden": [[1], [1], [1], [1]], "hiddenHidden": [[1], [1], [1], [1]],
             "inputBias": [0, 0, 0], "hiddenBias": [0, 0, 0, 0]}}
            """;

        await ApiClient.AssertValidationProblemAsync(client, Lstm, request, "weights.inputBias");
    }

    [Fact]
    public async Task LstmForward_InputHiddenRowCount_UsesRequestNames()
    {
        using var client = factory.CreateClient();
        var request = """
            {"inputs": [[1.0]], "weights": {"inputHidden": [[1]], "hiddenHidden": [[1], [1], [1], [1]],
             "inputBias": [0, 0, 0, 0], "hiddenBias": [0, 0, 0, 0]}}
            """;

        var message = await ApiClient.AssertValidationProblemAsync(client, Lstm, request, "weights.inputHidden");

        Assert.Contains("weights.inputHidden has 1 rows", message, StringComparison.Ordinal);
        Assert.DoesNotContain("weight_ih", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LstmForward_HiddenHiddenRowLength_SaysHiddenSize()
    {
        using var client = factory.CreateClient();
        var request = """
            {"inputs": [[1.0, 2.0]], "weights": {"inputHidden": [[1, 2], [1, 2], [1, 2], [1, 2]], "hiddenHidden": [[1, 2], [1, 2], [1, 2], [1, 2]],
             "inputBias": [0, 0, 0, 0], "hiddenBias": [0, 0, 0, 0]}}
            """;

        var message = await ApiClient.AssertValidationProblemAsync(client, Lstm, request, "weights.hiddenHidden[0]");

        Assert.Contains("hiddenSize = 1", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LstmForward_WeightsAndSeed_NamesWeights()
    {
        using var client = factory.CreateClient();
        var request = """
            {"inputs": [[1.0]], "seed": 3, "weights": {"inputHidden": [[1], [1], [1], [1]], "hiddenHidden": [[1], [1], [1], [1]],
             "inputBias": [0, 0, 0, 0], "hiddenBias": [0, 0, 0, 0]}}
            """;

        await ApiClient.AssertValidationProblemAsync(client, Lstm, request, "weights");
    }

    [Fact]
    public async Task LstmForward_NoWeightsNoSizes_NamesWeights()
    {
        using var client = factory.CreateClient();

        await ApiClient.AssertValidationProblemAsync(client, Lstm, """{"inputs": [[1.0]]}""", "weights");
    }
}
