using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SigmoidService.Api.Tests.Networks;

namespace SigmoidService.Api.Tests.Policies;

public sealed class PolicyEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string Sample = "/api/v1/policies/bernoulli/sample";
    private const string Train = "/api/v1/policies/bernoulli/train";
    private const string SampleRequest = """
        {"weights": [1.5, -0.5], "bias": 0.1, "states": [[0.2, 1.0], [-1.0, 0.3], [2.0, 2.0], [0.0, 0.0], [0.5, -0.5], [-2, 1]], "seed": 42}
        """;

    [Fact]
    public async Task Sample_SameSeed_GivesSameActions()
    {
        using var client = factory.CreateClient();

        var first = await ApiClient.PostAsync(client, Sample, SampleRequest);
        var second = await ApiClient.PostAsync(client, Sample, SampleRequest);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(first.Body.GetProperty("actions").ToString(), second.Body.GetProperty("actions").ToString());
        Assert.Equal(6, first.Body.GetProperty("probabilities").GetArrayLength());
        Assert.All(first.Body.GetProperty("actions").EnumerateArray(), action => Assert.True(action.GetInt32() is 0 or 1));
    }

    [Fact]
    public async Task Sample_StateOfWrongLength_NamesRow()
    {
        using var client = factory.CreateClient();

        await ApiClient.AssertValidationProblemAsync(client, Sample, """{"weights": [1.0, 2.0], "states": [[1, 2], [3]]}""", "states[1]");
    }

    [Fact]
    public async Task Sample_NaNWeight_NamesWeight()
    {
        using var client = factory.CreateClient();

        await ApiClient.AssertValidationProblemAsync(client, Sample, """{"weights": ["NaN"], "states": [[1]]}""", "weights[0]");
    }

    [Fact]
    public async Task Train_DefaultBandit_LearnsClearly()
    {
        using var client = factory.CreateClient();

        var (status, body, _) = await ApiClient.PostAsync(client, Train, """{"stateSize": 4, "episodes": 2000, "learningRate": 0.1, "seed": 1, "curvePoints": 20}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var curve = body.GetProperty("learningCurve");
        Assert.Equal(20, curve.GetArrayLength());
        var first = curve[0].GetProperty("averageReward").GetDouble();
        var last = curve[19].GetProperty("averageReward").GetDouble();
        // A block of 100 Bernoulli rewards has standard error at most 0.05, so 0.15 is three of them.
        Assert.True(last > first + 0.15, $"first block {first:F3}, last block {last:F3}");
        Assert.Equal(4, body.GetProperty("weights").GetArrayLength());
        Assert.InRange(body.GetProperty("optimalReward").GetDouble(), 0.5, 1.0);
    }

    [Theory]
    [InlineData("""{"episodes": 1000000000}""", "episodes")]
    [InlineData("""{"stateSize": 0}""", "stateSize")]
    [InlineData("""{"learningRate": -0.1}""", "learningRate")]
    [InlineData("""{"learningRate": "Infinity"}""", "learningRate")]
    [InlineData("""{"curvePoints": 100000}""", "curvePoints")]
    public async Task Train_InvalidSetting_NamesField(string request, string field)
    {
        using var client = factory.CreateClient();

        await ApiClient.AssertValidationProblemAsync(client, Train, request, field);
    }
}
