using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SigmoidService.Api.Tests.Models;

public sealed class ConcurrencyTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const int Clients = 32;
    private const int RequestsPerClient = 8;

    [Fact]
    public async Task Predict_ManyClients_MatchSequentialResults()
    {
        var samples = ModelTestData.Load<MnistParityFixture>("mnist-zero-parity.json").Samples;
        var reviews = ModelTestData.Load<SentimentSampleFixture>("imdb-sample.json").Samples.Select(s => s.Text).ToList();
        using var setup = factory.CreateClient();
        await ModelTestData.WaitUntilReadyAsync(setup);

        // Every request a client may send, with the response it gets when sent alone.
        var requests = Enumerable.Range(0, 4).SelectMany(i => new Func<HttpClient, Task<string>>[]
        {
            client => PostJsonAsync(client, "/api/v1/models/mnist-zero/predict",
                new { pixels = samples.Skip(i * 4).Take(4).Select(s => ModelTestData.ToUnit(s.Pixels)) }),
            client => PostUploadAsync(client, samples.Skip(i * 2).Take(2).Select(s => DigitImages.Png(s.Pixels))),
            client => PostJsonAsync(client, "/v2/models/mnist-zero/infer", new
            {
                inputs = new[] { new { name = "image", shape = new[] { 1, 1, 28, 28 }, datatype = "FP32", data = ModelTestData.ToUnit(samples[i].Pixels) } },
            }),
            client => PostJsonAsync(client, "/api/v1/models/mnist-vae-decoder/generate", new { count = 2, seed = i }),
            client => PostJsonAsync(client, "/api/v1/models/imdb-sentiment/predict", new { texts = reviews.Skip(i * 3).Take(3) }),
        }).ToList();
        var expected = new List<string>();
        foreach (var request in requests)
        {
            expected.Add(await request(setup));
        }

        var failures = await Task.WhenAll(Enumerable.Range(0, Clients).Select(clientIndex => Task.Run(async () =>
        {
            using var client = factory.CreateClient();
            var mismatches = 0;
            for (var r = 0; r < RequestsPerClient; r++)
            {
                var index = ((clientIndex * RequestsPerClient) + r) % requests.Count;
                mismatches += await requests[index](client) == expected[index] ? 0 : 1;
            }

            return mismatches;
        })));

        Assert.Equal(0, failures.Sum());
    }

    private static async Task<string> PostJsonAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> PostUploadAsync(HttpClient client, IEnumerable<byte[]> files)
    {
        using var content = DigitPredictionTests.Upload(files);
        using var response = await client.PostAsync(new Uri("/api/v1/models/mnist-zero/predict", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
