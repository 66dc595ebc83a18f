using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SigmoidService.Api.Tests.Plots;

/// <summary>The POST endpoints that draw their response: each as SVG and PNG, and errors still as problems.</summary>
public sealed class PostPlotEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    public static TheoryData<string, string, string> Endpoints => new()
    {
        { "/api/v1/networks/neuron/decision-boundary", """{"weights": [1, 2], "bias": -0.5, "xRange": [-2, 2], "yRange": [-2, 2], "points": 50}""",
            "Sigmoid neuron: output and decision boundary" },
        { "/api/v1/gradients/vanishing", """{"activation": "sigmoid", "depth": 8, "width": 16, "initialization": "standard", "samples": 32, "seed": 1}""",
            "Vanishing gradient: sigmoid" },
        { "/api/v1/policies/bernoulli/train", """{"stateSize": 3, "episodes": 400, "learningRate": 0.1, "seed": 1}""",
            "REINFORCE with a sigmoid policy: learning curve" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_FormatPng_ReturnsPng(string path, string body, string title)
    {
        _ = title;
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, $"{path}?format=png&width=600&height=400", body, accept: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        PlotAssertions.IsPng(png, 600, 400);
        PlotAssertions.HasTitleInk(png);
        PlotAssertions.Save(png, $"endpoint-{path.Split('/')[^1]}.png");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_AcceptSvg_ReturnsSvgWithTitle(string path, string body, string title)
    {
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, path, body, "image/svg+xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        PlotAssertions.ContainsText(PlotAssertions.SvgTexts(await response.Content.ReadAsByteArrayAsync()), title);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_SameBodyTwice_ReturnsSameImage(string path, string body, string title)
    {
        _ = title;
        using var client = factory.CreateClient();

        using var first = await PostAsync(client, $"{path}?format=png", body, accept: null);
        using var second = await PostAsync(client, $"{path}?format=png", body, accept: null);

        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Post_DifferentBodies_ReturnDifferentImages()
    {
        using var client = factory.CreateClient();
        const string Path = "/api/v1/networks/neuron/decision-boundary?format=png";

        using var first = await PostAsync(client, Path, """{"weights": [1, 2], "bias": 0, "points": 20}""", accept: null);
        using var second = await PostAsync(client, Path, """{"weights": [-1, 2], "bias": 0, "points": 20}""", accept: null);

        Assert.NotEqual(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Post_InvalidBodyAsPng_PassesValidationProblemThrough()
    {
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, "/api/v1/networks/neuron/decision-boundary", """{"weights": [1, 2, 3], "bias": 0}""", "image/png");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("weights", out _));
    }

    [Fact]
    public async Task Post_UnsupportedAccept_Returns406()
    {
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, "/api/v1/gradients/vanishing", """{"activation": "tanh", "depth": 3}""", "image/gif");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pathAndQuery, string json, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(pathAndQuery, UriKind.Relative))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await client.SendAsync(request);
    }
}
