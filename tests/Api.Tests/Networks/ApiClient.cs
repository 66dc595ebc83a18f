using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SigmoidService.Api.Tests.Networks;

/// <summary>Posts JSON to the test host and reads answers and problems.</summary>
internal static class ApiClient
{
    public static async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> PostAsync(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Asserts a 400 problem+json whose errors name <paramref name="field"/>, and returns that field's messages.</summary>
    public static async Task<string> AssertValidationProblemAsync(HttpClient client, string path, string json, string field)
    {
        var (status, body, mediaType) = await PostAsync(client, path, json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors has no '{field}': {errors}");
        return string.Join(" ", messages.EnumerateArray().Select(message => message.GetString()));
    }

    public static double[] Vector(JsonElement element) => [.. element.EnumerateArray().Select(value => value.GetDouble())];
}
