using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using SkiaSharp;

namespace SigmoidService.Api.Tests.Models;

public sealed class GenerationTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private static readonly Uri Generate = new("/api/v1/models/mnist-vae-decoder/generate", UriKind.Relative);

    [Fact]
    public async Task Generate_ParityLatents_MatchPyTorchWithinTolerance()
    {
        var fixture = ModelTestData.Load<VaeParityFixture>("mnist-vae-decoder-parity.json");
        using var client = await ReadyClientAsync();

        using var response = await client.PostAsJsonAsync(Generate, new { latent = fixture.Samples.Select(s => s.Latent) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var images = (await ModelTestData.ReadJsonAsync(response)).GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(fixture.Samples.Count, images.Count);
        // The fixture's tolerance, 1e-5, on every pixel.
        for (var i = 0; i < images.Count; i++)
        {
            var pixels = images[i].GetProperty("pixels").EnumerateArray().Select(p => p.GetDouble()).ToList();
            Assert.Equal(784, pixels.Count);
            for (var j = 0; j < pixels.Count; j++)
            {
                Assert.True(Math.Abs(pixels[j] - fixture.Samples[i].Pixels[j]) <= fixture.Tolerance,
                    $"latent {i}, pixel {j}: {pixels[j]} against PyTorch {fixture.Samples[i].Pixels[j]}");
            }
        }
    }

    [Fact]
    public async Task Generate_SameSeed_GivesTheSameDigits()
    {
        using var client = await ReadyClientAsync();

        var first = await GenerateAsync(client, new { count = 8, seed = 42 });
        var second = await GenerateAsync(client, new { count = 8, seed = 42 });
        var other = await GenerateAsync(client, new { count = 8, seed = 43 });

        Assert.Equal(42, first.GetProperty("seed").GetInt32());
        Assert.Equal(first.GetProperty("images").GetRawText(), second.GetProperty("images").GetRawText());
        Assert.NotEqual(first.GetProperty("images").GetRawText(), other.GetProperty("images").GetRawText());
        Assert.Equal(8, first.GetProperty("images").GetArrayLength());
    }

    [Fact]
    public async Task Generate_SampledLatents_LookStandardNormal()
    {
        using var client = await ReadyClientAsync();

        var body = await GenerateAsync(client, new { count = 64, seed = 7 });

        var values = body.GetProperty("images").EnumerateArray()
            .SelectMany(image => image.GetProperty("latent").EnumerateArray().Select(v => v.GetDouble()))
            .ToList();
        var mean = values.Average();
        var variance = values.Select(v => (v - mean) * (v - mean)).Sum() / (values.Count - 1);
        // With 128 draws the standard error of the mean is 0.09 and that of the variance 0.13, so these bounds
        // are more than three standard errors wide. The seed makes the test deterministic anyway.
        Assert.InRange(mean, -0.35, 0.35);
        Assert.InRange(variance, 0.5, 1.5);
    }

    [Fact]
    public async Task Generate_Png_DecodesToThePixels()
    {
        using var client = await ReadyClientAsync();

        var body = await GenerateAsync(client, new { count = 1, seed = 3 });

        var image = body.GetProperty("images")[0];
        var pixels = image.GetProperty("pixels").EnumerateArray().Select(p => p.GetDouble()).ToList();
        Assert.All(pixels, p => Assert.InRange(p, 0.0, 1.0));
        using var bitmap = SKBitmap.Decode(image.GetProperty("png").GetBytesFromBase64());
        Assert.Equal(28, bitmap.Width);
        Assert.Equal(28, bitmap.Height);
        for (var i = 0; i < 784; i++)
        {
            // 8-bit PNG levels: the pixel rounded to the nearest 1/255.
            Assert.Equal(Math.Round(pixels[i] * 255), bitmap.GetPixel(i % 28, i / 28).Red);
        }
    }

    [Fact]
    public async Task Generate_GivenLatents_EchoesThemInOrder()
    {
        using var client = await ReadyClientAsync();
        var size = await LatentSizeAsync(client);
        var latents = Enumerable.Range(0, 3).Select(i => Enumerable.Repeat(i * 0.5, size).ToArray()).ToArray();

        var body = await GenerateAsync(client, new { latent = latents });

        var images = body.GetProperty("images").EnumerateArray().ToList();
        for (var i = 0; i < latents.Length; i++)
        {
            Assert.Equal(latents[i], images[i].GetProperty("latent").EnumerateArray().Select(v => v.GetDouble()));
        }

        Assert.Equal(JsonValueKind.Null, body.GetProperty("seed").ValueKind);
    }

    [Fact]
    public async Task Generate_LatentOfWrongLength_Returns400NamingIt()
    {
        using var client = await ReadyClientAsync();
        var size = await LatentSizeAsync(client);

        using var response = await client.PostAsJsonAsync(Generate, new { latent = new[] { new double[size], new double[size + 1] } });

        await DigitPredictionTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "latent[1]");
    }

    [Theory]
    [InlineData("""{"count": 0}""", "count")]
    [InlineData("""{"count": 65}""", "count")]
    [InlineData("""{}""", "latent")]
    [InlineData("""{"latent": [], "count": 2}""", "latent")]
    [InlineData("""{"latent": [["NaN", 0]]}""", "latent[0][0]")]
    public async Task Generate_InvalidRequest_Returns400NamingTheField(string json, string field)
    {
        using var client = await ReadyClientAsync();

        using var response = await client.PostAsync(Generate, new StringContent(json, Encoding.UTF8, "application/json"));

        await DigitPredictionTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    private async Task<HttpClient> ReadyClientAsync()
    {
        var client = factory.CreateClient();
        await ModelTestData.WaitUntilReadyAsync(client);
        return client;
    }

    private static async Task<JsonElement> GenerateAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync(Generate, request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ModelTestData.ReadJsonAsync(response);
    }

    private static async Task<int> LatentSizeAsync(HttpClient client) =>
        (await GenerateAsync(client, new { count = 1, seed = 1 })).GetProperty("latentSize").GetInt32();
}

internal sealed record VaeParityFixture(double Tolerance, IReadOnlyList<VaeParitySample> Samples);

internal sealed record VaeParitySample(double[] Latent, double[] Pixels);
