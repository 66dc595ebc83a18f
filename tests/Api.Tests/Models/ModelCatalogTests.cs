using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SigmoidService.Api.Tests.Models;

public sealed class ModelCatalogTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task ListModels_Always_ReturnsThreeModels()
    {
        using var client = factory.CreateClient();
        await ModelTestData.WaitUntilReadyAsync(client);

        using var response = await client.GetAsync(new Uri("/api/v1/models", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var models = (await ModelTestData.ReadJsonAsync(response)).EnumerateArray().ToList();
        Assert.Equal(["imdb-sentiment", "mnist-vae-decoder", "mnist-zero"], models.Select(m => m.GetProperty("name").GetString()));
        Assert.All(models, model =>
        {
            Assert.Equal("1", model.GetProperty("version").GetString());
            Assert.Equal("ready", model.GetProperty("state").GetString());
            Assert.Matches("^[0-9a-f]{64}$", model.GetProperty("sha256").GetString());
            Assert.Equal(JsonValueKind.Object, model.GetProperty("metrics").ValueKind);
            Assert.Equal(JsonValueKind.String, model.GetProperty("task").ValueKind);
            Assert.Equal(-1, model.GetProperty("inputs")[0].GetProperty("shape")[0].GetInt64());
        });
    }

    [Fact]
    public async Task GetModel_MnistZero_DescribesItsTensors()
    {
        using var client = factory.CreateClient();
        await ModelTestData.WaitUntilReadyAsync(client);

        using var response = await client.GetAsync(new Uri("/api/v1/models/mnist-zero", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var model = await ModelTestData.ReadJsonAsync(response);
        var input = model.GetProperty("inputs")[0];
        Assert.Equal("image", input.GetProperty("name").GetString());
        Assert.Equal("float32", input.GetProperty("type").GetString());
        Assert.Equal([-1L, 1, 28, 28], input.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
        Assert.Equal("float32", model.GetProperty("outputs")[0].GetProperty("type").GetString());
        Assert.True(model.GetProperty("metrics").GetProperty("accuracy").GetDouble() > 0.99);
    }

    [Fact]
    public async Task GetModel_Unknown_Returns404Problem()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/v1/models/no-such-model", UriKind.Relative));

        var problem = await DigitPredictionTests.AssertProblemAsync(response, HttpStatusCode.NotFound, null);
        Assert.Contains("no-such-model", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_UnknownModel_Returns404Problem()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/v1/models/no-such-model/predict", UriKind.Relative),
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
