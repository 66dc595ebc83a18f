using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SigmoidService.Api.Tests.Models;

public sealed class OpenInferenceTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private static readonly Uri DigitInfer = new("/v2/models/mnist-zero/infer", UriKind.Relative);

    [Fact]
    public async Task ServerMetadata_NamesTheServer()
    {
        using var client = await ReadyClientAsync();

        var body = await GetJsonAsync(client, "/v2", HttpStatusCode.OK);

        Assert.Equal("sigmoid-service", body.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.String, body.GetProperty("version").ValueKind);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("extensions").ValueKind);
    }

    [Fact]
    public async Task Health_LiveAndReady_Return200()
    {
        using var client = await ReadyClientAsync();

        Assert.True((await GetJsonAsync(client, "/v2/health/live", HttpStatusCode.OK)).GetProperty("live").GetBoolean());
        Assert.True((await GetJsonAsync(client, "/v2/health/ready", HttpStatusCode.OK)).GetProperty("ready").GetBoolean());
    }

    [Theory]
    [InlineData("mnist-zero", "FP32", "image")]
    [InlineData("imdb-sentiment", "INT64", null)]
    [InlineData("mnist-vae-decoder", "FP32", null)]
    public async Task ModelMetadata_EveryModel_DescribesItsTensors(string name, string inputType, string? inputName)
    {
        using var client = await ReadyClientAsync();

        var body = await GetJsonAsync(client, $"/v2/models/{name}", HttpStatusCode.OK);
        var ready = await GetJsonAsync(client, $"/v2/models/{name}/ready", HttpStatusCode.OK);
        var versioned = await GetJsonAsync(client, $"/v2/models/{name}/versions/1", HttpStatusCode.OK);

        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.Equal(["1"], body.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("onnxruntime_onnx", body.GetProperty("platform").GetString());
        var input = body.GetProperty("inputs")[0];
        Assert.Equal(inputType, input.GetProperty("datatype").GetString());
        Assert.Equal(-1, input.GetProperty("shape")[0].GetInt64());
        if (inputName is not null)
        {
            Assert.Equal(inputName, input.GetProperty("name").GetString());
        }

        Assert.Equal("FP32", body.GetProperty("outputs")[0].GetProperty("datatype").GetString());
        Assert.True(ready.GetProperty("ready").GetBoolean());
        Assert.Equal(body.GetRawText(), versioned.GetRawText());
    }

    [Fact]
    public async Task Infer_DigitTensor_MatchesTheRestEndpointExactly()
    {
        var samples = ModelTestData.Load<MnistParityFixture>("mnist-zero-parity.json").Samples.Take(8).ToList();
        var pixels = samples.Select(s => ModelTestData.ToUnit(s.Pixels)).ToList();
        using var client = await ReadyClientAsync();

        using var rest = await client.PostAsJsonAsync(new Uri("/api/v1/models/mnist-zero/predict", UriKind.Relative), new { pixels });
        var restProbabilities = (await ModelTestData.ReadJsonAsync(rest)).GetProperty("predictions").EnumerateArray()
            .Select(p => (float)p.GetProperty("probability").GetDouble()).ToList();
        var body = await InferAsync(client, DigitInfer, new
        {
            id = "request-1",
            inputs = new[] { new { name = "image", shape = new[] { samples.Count, 1, 28, 28 }, datatype = "FP32", data = pixels.SelectMany(p => p) } },
        });

        Assert.Equal("mnist-zero", body.GetProperty("model_name").GetString());
        Assert.Equal("1", body.GetProperty("model_version").GetString());
        Assert.Equal("request-1", body.GetProperty("id").GetString());
        var output = body.GetProperty("outputs")[0];
        Assert.Equal("FP32", output.GetProperty("datatype").GetString());
        Assert.Equal([samples.Count, 1], output.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal(restProbabilities, output.GetProperty("data").EnumerateArray().Select(d => d.GetSingle()));
    }

    [Fact]
    public async Task Infer_NestedData_EqualsFlatData()
    {
        var pixels = ModelTestData.ToUnit(ModelTestData.Load<MnistParityFixture>("mnist-zero-parity.json").Samples[0].Pixels);
        var nested = new[] { new[] { Enumerable.Range(0, 28).Select(row => pixels.Skip(row * 28).Take(28).ToArray()).ToArray() } };
        using var client = await ReadyClientAsync();

        var flat = await InferAsync(client, DigitInfer, new { inputs = new[] { new { name = "image", shape = new[] { 1, 1, 28, 28 }, datatype = "FP32", data = (object)pixels } } });
        var deep = await InferAsync(client, DigitInfer, new { inputs = new[] { new { name = "image", shape = new[] { 1, 1, 28, 28 }, datatype = "FP32", data = (object)nested } } });

        Assert.Equal(flat.GetProperty("outputs").GetRawText(), deep.GetProperty("outputs").GetRawText());
    }

    [Theory]
    [InlineData("""{"inputs": [{"name": "image", "shape": [1, 1, 28, 28], "datatype": "FP32", "data": [0.5, 0.5]}]}""", "2 data elements, but its shape holds 784")]
    [InlineData("""{"inputs": [{"name": "image", "shape": [1, 1, 28, 27], "datatype": "FP32", "data": []}]}""", "its shape holds 756")]
    [InlineData("""{"inputs": [{"name": "image", "shape": [1, 784], "datatype": "FP32", "data": []}]}""", "its shape holds 784")]
    [InlineData("""{"inputs": [{"name": "image", "shape": [1, 1, 28, 28], "datatype": "FP64", "data": [0]}]}""", "datatype FP64, but model 'mnist-zero' expects FP32")]
    [InlineData("""{"inputs": [{"name": "image", "shape": [1, 1, 28, 28], "datatype": "FLOAT", "data": [0]}]}""", "datatype 'FLOAT', which is not one of")]
    [InlineData("""{"inputs": [{"name": "pixels", "shape": [1, 1, 28, 28], "datatype": "FP32", "data": [0]}]}""", "no input named 'pixels'")]
    [InlineData("""{"inputs": [{"name": "image", "shape": [1, 1, 28, 28], "datatype": "FP32", "data": ["a", ZEROS]}]}""", "element 0 = \"a\", which is not a valid FP32")]
    [InlineData("""{"inputs": [{"name": "image", "shape": [1, 1, 28, 28], "datatype": "FP32", "data": [1e39, ZEROS]}]}""", "element 0 = 1e39, which is not a valid FP32")]
    [InlineData("""{"inputs": [{"name": "image", "shape": [1, 784], "datatype": "FP32", "data": [0, ZEROS]}]}""", "has 2 dimensions, but the model expects 4")]
    [InlineData("""{"inputs": []}""", "needs 'inputs'")]
    [InlineData("""{"inputs": [{"name": "image", "shape": [1, 1, 28, 28], "datatype": "FP32", "data": [0, ZEROS]}], "outputs": [{"name": "logit"}]}""", "no output named 'logit'")]
    [InlineData("""{"inputs": [{"name": "image", "shape": [1, 1, 28, 28]""", "not a valid inference request")]
    [InlineData("""{"inputs": [], "unknown": 1}""", "not a valid inference request")]
    public async Task Infer_BadTensor_Returns400WithErrorBody(string json, string message)
    {
        using var client = await ReadyClientAsync();

        // ZEROS stands for 783 zeros, so that with one more value the data fills a 28 x 28 image.
        var body = json.Replace("ZEROS", string.Join(", ", new int[783]), StringComparison.Ordinal);

        using var response = await client.PostAsync(DigitInfer, new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, message);
    }

    [Fact]
    public async Task Infer_HugeShape_Returns400()
    {
        using var client = await ReadyClientAsync();
        var json = """{"inputs": [{"name": "image", "shape": [100000, 1, 28, 28], "datatype": "FP32", "data": [0]}]}""";

        using var response = await client.PostAsync(DigitInfer, new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "limit per request");
    }

    [Fact]
    public async Task Infer_UnknownModel_Returns404WithErrorBody()
    {
        using var client = await ReadyClientAsync();

        using var response = await client.PostAsync(new Uri("/v2/models/no-such-model/infer", UriKind.Relative),
            new StringContent("{}", Encoding.UTF8, "application/json"));
        using var metadata = await client.GetAsync(new Uri("/v2/models/no-such-model", UriKind.Relative));
        using var version = await client.GetAsync(new Uri("/v2/models/mnist-zero/versions/7/ready", UriKind.Relative));

        await AssertErrorAsync(response, HttpStatusCode.NotFound, "'no-such-model' not found");
        await AssertErrorAsync(metadata, HttpStatusCode.NotFound, "'no-such-model' not found");
        await AssertErrorAsync(version, HttpStatusCode.NotFound, "no version '7'");
    }

    [Fact]
    public async Task Infer_PlainText_Returns415WithErrorBody()
    {
        using var client = await ReadyClientAsync();

        using var response = await client.PostAsync(DigitInfer, new StringContent("{}", Encoding.UTF8, "text/plain"));

        await AssertErrorAsync(response, HttpStatusCode.UnsupportedMediaType, "application/json");
    }

    [Fact]
    public async Task Infer_OversizedBody_Returns413()
    {
        using var client = await ReadyClientAsync();
        var json = "{\"inputs\": [], \"id\": \"" + new string('x', 11 * 1024 * 1024) + "\"}";

        using var response = await client.PostAsync(DigitInfer, new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "larger than the limit");
    }

    [Fact]
    public async Task UnknownV2Path_Returns404WithErrorBody()
    {
        using var client = await ReadyClientAsync();

        using var response = await client.GetAsync(new Uri("/v2/repository/index", UriKind.Relative));

        await AssertErrorAsync(response, HttpStatusCode.NotFound, "/v2/repository/index");
    }

    [Fact]
    public async Task Infer_AfterBadTensors_ServiceIsStillReady()
    {
        using var client = await ReadyClientAsync();
        foreach (var json in new[] { "{", """{"inputs": [{"name": "image", "shape": [1], "datatype": "FP32", "data": [0]}]}""" })
        {
            (await client.PostAsync(DigitInfer, new StringContent(json, Encoding.UTF8, "application/json"))).Dispose();
        }

        Assert.True((await GetJsonAsync(client, "/v2/health/ready", HttpStatusCode.OK)).GetProperty("ready").GetBoolean());
        Assert.True((await GetJsonAsync(client, "/v2/models/mnist-zero/ready", HttpStatusCode.OK)).GetProperty("ready").GetBoolean());
    }

    private async Task<HttpClient> ReadyClientAsync()
    {
        var client = factory.CreateClient();
        await ModelTestData.WaitUntilReadyAsync(client);
        return client;
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path, HttpStatusCode status)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(status, response.StatusCode);
        return await ModelTestData.ReadJsonAsync(response);
    }

    internal static async Task<JsonElement> InferAsync(HttpClient client, Uri uri, object request)
    {
        using var response = await client.PostAsJsonAsync(uri, request);
        var body = await ModelTestData.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await ModelTestData.ReadJsonAsync(response);
        Assert.Equal([ "error" ], body.EnumerateObject().Select(p => p.Name));
        Assert.Contains(message, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
