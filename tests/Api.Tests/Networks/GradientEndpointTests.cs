using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SigmoidService.Api.Tests.Networks;

public sealed class GradientEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string Vanishing = "/api/v1/gradients/vanishing";

    [Fact]
    public async Task Vanishing_SigmoidStandard_GradientVanishes()
    {
        using var client = factory.CreateClient();

        var (status, body, _) = await ApiClient.PostAsync(client, Vanishing,
            """{"activation": "sigmoid", "depth": 10, "width": 64, "initialization": "standard", "samples": 256, "seed": 1}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(10, body.GetProperty("layers").GetArrayLength());
        var ratio = body.GetProperty("firstToLastGradientRatio").GetDouble();
        Assert.True(ratio < 1e-3, $"ratio {ratio:E3}");
    }

    [Fact]
    public async Task Vanishing_ReluHe_GradientFlows()
    {
        using var client = factory.CreateClient();

        var (status, body, _) = await ApiClient.PostAsync(client, Vanishing,
            """{"activation": "relu", "depth": 10, "width": 64, "initialization": "he", "samples": 256, "seed": 1}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.InRange(body.GetProperty("firstToLastGradientRatio").GetDouble(), 0.1, 10);
    }

    [Fact]
    public async Task Vanishing_ReferenceCase_MatchesPyTorch()
    {
        using var client = factory.CreateClient();
        using var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reference", "networks", "vanishing_gradient_reference.json")));
        var item = reference.RootElement.GetProperty("cases")[2];
        var request = JsonSerializer.Serialize(new
        {
            activation = item.GetProperty("activation").GetString(),
            depth = item.GetProperty("depth").GetInt32(),
            width = item.GetProperty("width").GetInt32(),
            initialization = item.GetProperty("initialization").GetString(),
            samples = item.GetProperty("samples").GetInt32(),
            seed = item.GetProperty("seed").GetInt64(),
        });

        var (status, body, _) = await ApiClient.PostAsync(client, Vanishing, request);

        Assert.Equal(HttpStatusCode.OK, status);
        var expected = item.GetProperty("layers");
        var actual = body.GetProperty("layers");
        for (var l = 0; l < expected.GetArrayLength(); l++)
        {
            // torch autograd in float64; relative 1e-9 because sums run in a different order.
            var expectedNorm = expected[l].GetProperty("gradientNorm").GetDouble();
            Assert.Equal(expectedNorm, actual[l].GetProperty("gradientNorm").GetDouble(), expectedNorm * 1e-9);
            var expectedMean = expected[l].GetProperty("activationMean").GetDouble();
            Assert.Equal(expectedMean, actual[l].GetProperty("activationMean").GetDouble(), (Math.Abs(expectedMean) * 1e-9) + 1e-15);
        }
    }

    [Fact]
    public async Task Vanishing_UnknownInitialization_NamesInitialization()
    {
        using var client = factory.CreateClient();

        var message = await ApiClient.AssertValidationProblemAsync(client, Vanishing, """{"initialization": "lecun"}""", "initialization");

        Assert.Contains("xavier", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vanishing_UnknownActivation_NamesActivation()
    {
        using var client = factory.CreateClient();

        await ApiClient.AssertValidationProblemAsync(client, Vanishing, """{"activation": "Sigmoid"}""", "activation");
    }

    [Fact]
    public async Task Vanishing_Logit_RejectsRestrictedDomain()
    {
        using var client = factory.CreateClient();

        var message = await ApiClient.AssertValidationProblemAsync(client, Vanishing, """{"activation": "logit"}""", "activation");

        Assert.Contains("logit", message, StringComparison.Ordinal);
        Assert.Contains("defined on [0, 1] only", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"depth": 100000}""", "depth")]
    [InlineData("""{"width": 0}""", "width")]
    [InlineData("""{"samples": 100000000}""", "samples")]
    [InlineData("""{"depth": 200, "width": 1024, "samples": 4096}""", "depth")]
    public async Task Vanishing_SizeOutOfRange_NamesField(string request, string field)
    {
        using var client = factory.CreateClient();

        await ApiClient.AssertValidationProblemAsync(client, Vanishing, request, field);
    }
}
