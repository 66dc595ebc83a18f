using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SigmoidService.Api.Tests.Plots;

/// <summary>Endpoints that have no plot: a request for an image is refused with 406, JSON is answered as before.</summary>
public sealed class JsonOnlyEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    public static TheoryData<string, string?> Endpoints => new()
    {
        { "/api/v1/activations/sigmoid/evaluate?x=0.5&x=-3", null },
        { "/api/v1/activations/sigmoid/evaluate", """{"x": [0.5, -3]}""" },
        { "/api/v1/softmax", """{"logits": [1, 2, 3]}""" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task FormatPng_OnJsonOnlyEndpoint_Returns406Problem(string path, string? body)
    {
        using var client = factory.CreateClient();

        using var response = await SendAsync(client, WithQuery(path, "format=png"), body, accept: null);

        await AssertNotAcceptableAsync(response);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task AcceptOnlyImages_OnJsonOnlyEndpoint_Returns406Problem(string path, string? body)
    {
        using var client = factory.CreateClient();

        using var response = await SendAsync(client, path, body, accept: "image/svg+xml, image/png;q=0.5");

        await AssertNotAcceptableAsync(response);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task FormatJson_OnJsonOnlyEndpoint_ReturnsJson(string path, string? body)
    {
        using var client = factory.CreateClient();

        using var response = await SendAsync(client, WithQuery(path, "format=json"), body, accept: "image/png, application/json;q=0.5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task BrowserAccept_OnJsonOnlyEndpoint_ReturnsJson()
    {
        using var client = factory.CreateClient();

        using var response = await SendAsync(client, "/api/v1/activations/sigmoid/evaluate?x=0.5", body: null,
            accept: "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    private static string WithQuery(string path, string query) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    private static async Task AssertNotAcceptableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(406, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("application/json only", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? body, string? accept)
    {
        using var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await client.SendAsync(request);
    }
}
