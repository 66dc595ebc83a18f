using System.Net;
using System.Text.Json;

namespace SigmoidService.Api.Tests.LogisticRegression;

/// <summary>Assertions on problem+json responses: status, content type and the field named in errors.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> HasFieldError(HttpResponseMessage response, string field, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("errors", out var errors), body);
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for '{field}' in {body}");
        Assert.True(messages.GetArrayLength() > 0);
        return messages;
    }

    public static async Task<JsonElement> IsProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
