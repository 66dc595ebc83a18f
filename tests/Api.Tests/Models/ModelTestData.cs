using System.Net.Http.Json;
using System.Text.Json;

namespace SigmoidService.Api.Tests.Models;

/// <summary>The parity and sample fixtures written by the training scripts, and helpers shared by the model tests.</summary>
internal static class ModelTestData
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static T Load<T>(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName);
        return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json)
            ?? throw new InvalidOperationException($"The fixture {path} is empty.");
    }

    /// <summary>MNIST bytes 0-255 as the 0-1 pixels the model takes.</summary>
    public static float[] ToUnit(int[] pixels) => [.. pixels.Select(value => value / 255f)];

    /// <summary>Waits until the service reports ready, at most 60 seconds.</summary>
    public static async Task WaitUntilReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The service was not ready after 60 seconds: {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(100);
        }
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Json);
}

internal sealed record MnistParityFixture(string Model, int Version, double Tolerance, IReadOnlyList<MnistSample> Samples);

internal sealed record MnistSampleFixture(IReadOnlyList<MnistSample> Samples);

internal sealed record MnistSample(int Index, int Label, int[] Pixels, double? Probability);
