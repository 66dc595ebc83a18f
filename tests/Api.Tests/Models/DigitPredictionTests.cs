using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SigmoidService.Api.Tests.Models;

public sealed class DigitPredictionTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private static readonly Uri Predict = new("/api/v1/models/mnist-zero/predict", UriKind.Relative);

    [Fact]
    public async Task PredictPixels_ParityDigits_MatchPyTorch()
    {
        var fixture = ModelTestData.Load<MnistParityFixture>("mnist-zero-parity.json");
        using var client = await ReadyClientAsync();

        using var response = await client.PostAsJsonAsync(Predict, new { pixels = fixture.Samples.Select(s => ModelTestData.ToUnit(s.Pixels)) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ModelTestData.ReadJsonAsync(response);
        Assert.Equal("mnist-zero", body.GetProperty("model").GetString());
        var predictions = body.GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal(fixture.Samples.Count, predictions.Count);
        // The fixture's tolerance, 1e-5, between ONNX Runtime here and PyTorch at training time.
        for (var i = 0; i < predictions.Count; i++)
        {
            var probability = predictions[i].GetProperty("probability").GetDouble();
            Assert.True(Math.Abs(probability - fixture.Samples[i].Probability!.Value) <= fixture.Tolerance,
                $"digit {fixture.Samples[i].Index}: {probability} against PyTorch {fixture.Samples[i].Probability}");
            Assert.Equal(probability >= 0.5, predictions[i].GetProperty("isZero").GetBoolean());
        }
    }

    [Fact]
    public async Task PredictUploads_EveryImageForm_KeepsAccuracy()
    {
        var samples = ModelTestData.Load<MnistSampleFixture>("mnist-sample.json").Samples;
        var expected = samples.Select(sample => sample.Label == 0).ToList();
        using var client = await ReadyClientAsync();
        var random = new Random(5);

        var raw = await CountCorrectAsync(client, samples, expected, null);
        var png = await CountCorrectAsync(client, samples, expected, DigitImages.Png);
        var jpeg = await CountCorrectAsync(client, samples, expected, DigitImages.DarkOnLightJpeg);
        var offCentre = await CountCorrectAsync(client, samples, expected, pixels => DigitImages.OffCentre(pixels, random));

        // Normalisation must not cost accuracy: each form gets at least as many digits right as the raw
        // pixels, less one digit in 300 for the resampling of a borderline case.
        Assert.True(raw >= samples.Count - 3, $"raw pixels: {raw} of {samples.Count} correct");
        Assert.True(png >= raw - 1, $"PNG: {png} correct against {raw} for raw pixels");
        Assert.True(jpeg >= raw - 1, $"dark-on-light JPEG: {jpeg} correct against {raw} for raw pixels");
        Assert.True(offCentre >= raw - 1, $"off-centre canvas: {offCentre} correct against {raw} for raw pixels");
    }

    [Fact]
    public async Task PredictUploads_SeveralImages_AnswerInInputOrder()
    {
        // Zeros and other digits alternating, so that a reordering changes the labels.
        var samples = ModelTestData.Load<MnistSampleFixture>("mnist-sample.json").Samples;
        var chosen = samples.Where(s => s.Label == 0).Take(3).Zip(samples.Where(s => s.Label != 0).Take(3))
            .SelectMany(pair => new[] { pair.First, pair.Second })
            .ToList();
        var images = chosen.Select(sample => DigitImages.Png(sample.Pixels)).ToList();
        using var client = await ReadyClientAsync();

        using var content = Upload(images);
        using var response = await client.PostAsync(Predict, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var predictions = (await ModelTestData.ReadJsonAsync(response)).GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal(chosen.Count, predictions.Count);
        for (var i = 0; i < chosen.Count; i++)
        {
            using var single = Upload([images[i]]);
            using var alone = await client.PostAsync(Predict, single);
            var expected = (await ModelTestData.ReadJsonAsync(alone)).GetProperty("predictions")[0];

            // One image alone and the same image in a batch of six give the same probability to float rounding.
            Assert.Equal(expected.GetProperty("probability").GetDouble(), predictions[i].GetProperty("probability").GetDouble(), 1e-6);
            Assert.Equal(chosen[i].Label == 0, predictions[i].GetProperty("isZero").GetBoolean());
        }
    }

    [Theory]
    [InlineData(783)]
    [InlineData(785)]
    public async Task PredictPixels_WrongLength_Returns400NamingTheImage(int length)
    {
        using var client = await ReadyClientAsync();

        using var response = await client.PostAsJsonAsync(Predict, new { pixels = new[] { new float[784], new float[length] } });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "pixels[1]");
    }

    [Theory]
    [InlineData("1.5", "pixels[0][3]")]
    [InlineData("-0.1", "pixels[0][3]")]
    [InlineData("\"NaN\"", "pixels[0][3]")]
    [InlineData("\"Infinity\"", "pixels[0][3]")]
    public async Task PredictPixels_ValueOutsideUnitInterval_Returns400NamingThePixel(string value, string field)
    {
        using var client = await ReadyClientAsync();
        var pixels = string.Join(",", Enumerable.Range(0, 784).Select(i => i == 3 ? value : "0"));

        using var response = await client.PostAsync(Predict, Json($$"""{"pixels": [[{{pixels}}]]}"""));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task PredictPixels_TooManyImages_Returns400()
    {
        using var client = await ReadyClientAsync();

        using var response = await client.PostAsJsonAsync(Predict, new { pixels = Enumerable.Range(0, 65).Select(_ => new float[784]) });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "pixels");
    }

    [Theory]
    [InlineData("""{"pixels": []}""", "pixels")]
    [InlineData("""{}""", "pixels")]
    [InlineData("""not json""", "body")]
    [InlineData("""{"pixels": [[0]], "extra": 1}""", "extra")]
    public async Task PredictPixels_MalformedBody_Returns400NamingTheField(string json, string field)
    {
        using var client = await ReadyClientAsync();

        using var response = await client.PostAsync(Predict, Json(json));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Predict_PlainText_Returns415()
    {
        using var client = await ReadyClientAsync();

        using var response = await client.PostAsync(Predict, new StringContent("a zero", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PredictUploads_NotAnImage_Returns400()
    {
        using var client = await ReadyClientAsync();
        var png = DigitImages.Png(new int[784]);

        using var content = Upload([png, "this is a text file, not a picture"u8.ToArray()]);
        using var response = await client.PostAsync(Predict, content);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "images[1]");
        Assert.Contains("not a PNG, JPEG, BMP, GIF or WebP", problem.GetProperty("errors").GetProperty("images[1]")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PredictUploads_EmptyFile_SaysEmpty()
    {
        using var client = await ReadyClientAsync();

        using var content = Upload([DigitImages.Png(new int[784]), []]);
        using var response = await client.PostAsync(Predict, content);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "images[1]");
        var message = problem.GetProperty("errors").GetProperty("images[1]")[0].GetString();
        Assert.Contains("The file is empty", message, StringComparison.Ordinal);
        Assert.DoesNotContain("not a PNG", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PredictUploads_TruncatedImage_Returns400()
    {
        using var client = await ReadyClientAsync();
        var jpeg = DigitImages.DarkOnLightJpeg(ModelTestData.Load<MnistParityFixture>("mnist-zero-parity.json").Samples[0].Pixels);

        using var content = Upload([jpeg[..(jpeg.Length / 2)]]);
        using var response = await client.PostAsync(Predict, content);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "images[0]");
        Assert.Contains("truncated", problem.GetProperty("errors").GetProperty("images[0]")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PredictUploads_HeaderDeclaring30000Squared_Returns400WithoutDecoding()
    {
        using var client = await ReadyClientAsync();

        using var content = Upload([PngHeader(30_000, 30_000)]);
        using var response = await client.PostAsync(Predict, content);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "images[0]");
        Assert.Contains("30000 x 30000", problem.GetProperty("errors").GetProperty("images[0]")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PredictUploads_31Megabytes_Returns413()
    {
        using var client = await ReadyClientAsync();
        // Four files of 7.75 MB: each under the 8 MB image limit, together over the 30 MB request limit.
        var file = new byte[31 * 1024 * 1024 / 4];

        using var content = Upload([file, file, file, file]);
        using var response = await client.PostAsync(Predict, content);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, null);
    }

    [Fact]
    public async Task PredictUploads_FileOver8Megabytes_Returns413()
    {
        using var client = await ReadyClientAsync();

        using var content = Upload([DigitImages.Png(new int[784]), new byte[(8 * 1024 * 1024) + 1]]);
        using var response = await client.PostAsync(Predict, content);

        var problem = await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, null);
        Assert.Contains("images[1]", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PredictUploads_TooManyImages_Returns400()
    {
        using var client = await ReadyClientAsync();
        var png = DigitImages.Png(new int[784]);

        using var content = Upload(Enumerable.Repeat(png, 65));
        using var response = await client.PostAsync(Predict, content);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "images");
    }

    [Fact]
    public async Task PredictUploads_UnknownField_Returns400()
    {
        using var client = await ReadyClientAsync();
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(DigitImages.Png(new int[784])), "picture", "digit.png" },
        };

        using var response = await client.PostAsync(Predict, content);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "picture");
    }

    [Fact]
    public async Task PredictUploads_BlankImage_Returns422()
    {
        using var client = await ReadyClientAsync();

        using var content = Upload([DigitImages.Png(new int[784])]);
        using var response = await client.PostAsync(Predict, content);

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, null);
    }

    [Fact]
    public async Task Predict_AfterBadInputs_StaysReady()
    {
        using var client = await ReadyClientAsync();
        using (var content = Upload(["not an image"u8.ToArray()]))
        {
            (await client.PostAsync(Predict, content)).Dispose();
        }

        using (var content = Upload([PngHeader(30_000, 30_000)]))
        {
            (await client.PostAsync(Predict, content)).Dispose();
        }

        (await client.PostAsync(Predict, Json("""{"pixels": [[2]]}"""))).Dispose();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var sample = ModelTestData.Load<MnistParityFixture>("mnist-zero-parity.json").Samples[0];
        using var response = await client.PostAsJsonAsync(Predict, new { pixels = new[] { ModelTestData.ToUnit(sample.Pixels) } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpClient> ReadyClientAsync()
    {
        var client = factory.CreateClient();
        await ModelTestData.WaitUntilReadyAsync(client);
        return client;
    }

    private static async Task<int> CountCorrectAsync(HttpClient client, IReadOnlyList<MnistSample> samples, List<bool> expected, Func<int[], byte[]>? encode)
    {
        var correct = 0;
        foreach (var batch in samples.Select((sample, index) => (sample, index)).Chunk(64))
        {
            HttpResponseMessage response;
            if (encode is null)
            {
                response = await client.PostAsJsonAsync(Predict, new { pixels = batch.Select(item => ModelTestData.ToUnit(item.sample.Pixels)) });
            }
            else
            {
                using var content = Upload(batch.Select(item => encode(item.sample.Pixels)));
                response = await client.PostAsync(Predict, content);
            }

            using (response)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var predictions = (await ModelTestData.ReadJsonAsync(response)).GetProperty("predictions").EnumerateArray().ToList();
                for (var i = 0; i < batch.Length; i++)
                {
                    correct += predictions[i].GetProperty("isZero").GetBoolean() == expected[batch[i].index] ? 1 : 0;
                }
            }
        }

        return correct;
    }

    internal static MultipartFormDataContent Upload(IEnumerable<byte[]> files)
    {
        var content = new MultipartFormDataContent();
        var i = 0;
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "images", $"digit-{i++}.png");
        }

        return content;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A PNG whose IHDR declares the given size, with a 16-byte IDAT and IEND: about 80 bytes in all.</summary>
    internal static byte[] PngHeader(int width, int height)
    {
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;

        var png = new List<byte> { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A };
        foreach (var (type, data) in new[] { ("IHDR", header), ("IDAT", new byte[16]), ("IEND", Array.Empty<byte>()) })
        {
            var length = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
            png.AddRange(length);
            byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
            png.AddRange(typeAndData);
            var crc = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
            png.AddRange(crc);
        }

        return [.. png];
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in data)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ModelTestData.ReadJsonAsync(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}' in {problem}");
        }

        return problem;
    }
}
