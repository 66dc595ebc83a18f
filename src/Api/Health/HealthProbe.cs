namespace SigmoidService.Api.Health;

/// <summary>
/// A one-shot readiness probe for container health checks, so that the runtime image needs no curl:
/// <c>dotnet SigmoidService.Api.dll --probe http://127.0.0.1:8080/health/ready</c> exits 0 when the
/// endpoint answers 2xx within five seconds, and 1 otherwise.
/// </summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsLoopback)
        {
            await Console.Error.WriteLineAsync($"The probe URL '{url}' is not an absolute loopback URL.");
            return 1;
        }

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(uri);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"The probe of {uri} failed: {exception.Message}");
            return 1;
        }
    }
}
