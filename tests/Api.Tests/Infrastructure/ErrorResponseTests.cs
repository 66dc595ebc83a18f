using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SigmoidService.Api.Tests.Infrastructure;

public sealed class ErrorResponseTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Theory]
    [InlineData("image/png")]
    [InlineData("image/svg+xml")]
    [InlineData("text/html")]
    public async Task MalformedJson_WithImageAccept_StillReturnsProblemJson(string accept)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/softmax")
        {
            Content = new StringContent("{\"logits\": [1, 2", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, body.RootElement.GetProperty("status").GetInt32());
        Assert.True(body.RootElement.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task UnknownRoute_WithImageAccept_ReturnsProblemWithDetail()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/nothing-here");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/png"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("/api/v1/nothing-here", body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormContentType_Returns415WithDetail()
    {
        using var client = factory.CreateClient();
        using var content = new StringContent("{\"logits\": [1]}", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await client.PostAsync(new Uri("/api/v1/softmax", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("application/json", body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongMethod_Returns405WithDetail()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/v1/softmax", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("GET", body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidEnumValue_NamesAllowedValues()
    {
        using var client = factory.CreateClient();
        using var content = new StringContent("{\"x\": [1], \"precision\": \"half\"}", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/api/v1/activations/sigmoid/evaluate", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = body.RootElement.GetProperty("errors").GetProperty("precision")[0].GetString();
        Assert.Contains("\"double\"", message, StringComparison.Ordinal);
        Assert.Contains("\"single\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongJsonType_SaysWhatIsExpected()
    {
        using var client = factory.CreateClient();
        using var content = new StringContent("{\"x\": [1, \"abc\"]}", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/api/v1/activations/sigmoid/evaluate", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = body.RootElement.GetProperty("errors").GetProperty("x[1]")[0].GetString();
        Assert.Contains("a number", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonNumericQueryValue_HasNoDotNetTypeName()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/v1/activations/sigmoid/curve?points=abc", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = body.RootElement.GetProperty("errors").GetProperty("points")[0].GetString();
        Assert.Contains("whole number", message, StringComparison.Ordinal);
        Assert.DoesNotContain("nullable", message, StringComparison.OrdinalIgnoreCase);
    }
}
