using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using SigmoidService.Api.Plots;

namespace SigmoidService.Api.Tests.Plots;

/// <summary>Plot negotiation, rendering and caching through the real pipeline, on the logistic-regression curve.</summary>
public sealed class PlotEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Curve_AcceptPng_ReturnsPngOfDefaultSize()
    {
        using var client = factory.CreateClient();
        var path = await FitCurvePathAsync(client);

        using var response = await GetAsync(client, path, "image/png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        var png = await response.Content.ReadAsByteArrayAsync();
        PlotAssertions.IsPng(png, 800, 500);
        PlotAssertions.HasTitleInk(png);
    }

    [Fact]
    public async Task Curve_FormatSvgWithSize_ReturnsSvgWithTitle()
    {
        using var client = factory.CreateClient();
        var path = await FitCurvePathAsync(client);

        using var response = await GetAsync(client, $"{path}&format=svg&width=640&height=400", accept: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = await response.Content.ReadAsByteArrayAsync();
        var texts = PlotAssertions.SvgTexts(svg);
        PlotAssertions.ContainsText(texts, "Logistic regression: fitted probability and training data");
        PlotAssertions.ContainsText(texts, "training points of class 1");
        Assert.Contains("width=\"640\"", System.Text.Encoding.UTF8.GetString(svg), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("application/json")]
    public async Task Curve_JsonOrNoAccept_ReturnsJson(string? accept)
    {
        using var client = factory.CreateClient();
        var path = await FitCurvePathAsync(client);

        using var response = await GetAsync(client, path, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("probabilities").ValueKind);
    }

    [Fact]
    public async Task Curve_UnsupportedAccept_Returns406Problem()
    {
        using var client = factory.CreateClient();
        var path = await FitCurvePathAsync(client);

        using var response = await GetAsync(client, path, "text/csv");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        using var problem = await ReadProblemAsync(response);
        Assert.Equal(406, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Not acceptable", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Curve_MalformedAccept_Returns400Problem()
    {
        using var client = factory.CreateClient();
        var path = await FitCurvePathAsync(client);

        using var response = await GetAsync(client, path, "image/png;q=high");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await ReadProblemAsync(response);
        Assert.Equal("Malformed Accept header", problem.RootElement.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("format=gif", "format")]
    [InlineData("format=png&width=5", "width")]
    [InlineData("format=svg&height=100000", "height")]
    public async Task Curve_BadPlotQuery_Returns400NamingField(string query, string field)
    {
        using var client = factory.CreateClient();
        var path = await FitCurvePathAsync(client);

        using var response = await GetAsync(client, $"{path}&{query}", accept: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await ReadProblemAsync(response);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors does not name {field}.");
    }

    [Fact]
    public async Task Curve_UnknownModelAsPng_PassesThe404Through()
    {
        using var client = factory.CreateClient();

        using var response = await GetAsync(client, "/api/v1/logistic-regression/models/no-such-model/curve?points=11", "image/png");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Curve_RenderedPlot_IsCachedUnderNormalisedRequest()
    {
        using var client = factory.CreateClient();
        var modelId = await FitModelAsync(client);

        using var response = await GetAsync(client, $"{CurvePath(modelId)}&FORMAT=png", accept: null);
        var png = await response.Content.ReadAsByteArrayAsync();

        // The same request with query names in another case and order, as binding ignores both.
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = $"/api/v1/logistic-regression/models/{modelId}/curve";
        context.Request.QueryString = new QueryString("?POINTS=56&To=5.5&from=0");
        var key = factory.Services.GetRequiredService<PlotImageService>()
            .CacheKey(context.Request, new PlotRequest(PlotFormat.Png, 800, 500), new object());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(factory.Services.GetRequiredService<IMemoryCache>().TryGetValue(key, out byte[]? cached), $"Nothing is cached under {key}.");
        Assert.Equal(png, cached);
    }

    [Fact]
    public async Task OpenApi_CurveOperation_DeclaresImageResponsesAndFormat()
    {
        using var client = factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative)));

        var operation = document.RootElement.GetProperty("paths").GetProperty("/api/v1/logistic-regression/models/{modelId}/curve").GetProperty("get");
        var content = operation.GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(content.TryGetProperty("image/svg+xml", out _), "The 200 response does not declare image/svg+xml.");
        Assert.True(content.TryGetProperty("image/png", out _), "The 200 response does not declare image/png.");
        Assert.True(content.TryGetProperty("application/json", out _), "The 200 response no longer declares application/json.");
        Assert.True(operation.GetProperty("responses").TryGetProperty("406", out _), "The 406 response is not declared.");
        var parameters = operation.GetProperty("parameters").EnumerateArray().Select(parameter => parameter.GetProperty("name").GetString()).ToList();
        Assert.Contains("format", parameters);
        Assert.Contains("width", parameters);
        Assert.Contains("height", parameters);
    }

    [Fact]
    public async Task OpenApi_FitOperation_DeclaresNoImage()
    {
        using var client = factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative)));

        var responses = document.RootElement.GetProperty("paths").GetProperty("/api/v1/logistic-regression/fit").GetProperty("post").GetProperty("responses");
        Assert.False(responses.GetProperty("200").GetProperty("content").TryGetProperty("image/png", out _));
    }

    /// <summary>Fits a one-feature model and returns the path and query of its curve.</summary>
    private static async Task<string> FitCurvePathAsync(HttpClient client) => CurvePath(await FitModelAsync(client));

    private static string CurvePath(string modelId) => $"/api/v1/logistic-regression/models/{modelId}/curve?from=0&to=5.5&points=56";

    private static async Task<string> FitModelAsync(HttpClient client)
    {
        var body = new
        {
            features = new[] { new[] { 0.5 }, [1.0], [1.5], [2.0], [2.5], [3.0], [3.5], [4.0], [4.5], [5.0] },
            labels = new[] { 0, 0, 0, 1, 0, 1, 0, 1, 1, 1 },
        };
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/logistic-regression/fit", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var fit = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return fit.RootElement.GetProperty("modelId").GetString()!;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string pathAndQuery, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(pathAndQuery, UriKind.Relative));
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await client.SendAsync(request);
    }

    private static async Task<JsonDocument> ReadProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
