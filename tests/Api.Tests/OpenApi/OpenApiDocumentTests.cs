using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using SigmoidService.Api.Tests.Models;

namespace SigmoidService.Api.Tests.OpenApi;

public sealed class OpenApiDocumentTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private static readonly string[] NamedLiterals = ["Infinity", "-Infinity", "NaN"];

    [Fact]
    public async Task Document_EveryPostWithJsonBody_HasExample()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();

        var missing = new List<string>();
        var checkedCount = 0;
        foreach (var (path, item) in paths)
        {
            if (item?["post"]?["requestBody"]?["content"]?["application/json"] is not { } json)
            {
                continue;
            }

            checkedCount++;
            if (json["example"] is null && json["examples"] is null)
            {
                missing.Add(path);
            }
        }

        Assert.True(checkedCount >= 10, $"only {checkedCount} POST operations with a JSON body were found");
        Assert.Empty(missing);
    }

    [Fact]
    public async Task Document_FitCsvBody_IsStringWithCsvExample()
    {
        var content = (await DocumentAsync())["paths"]!["/api/v1/logistic-regression/fit"]!["post"]!["requestBody"]!["content"]!;

        var csv = content["text/csv"]!;
        Assert.Equal("string", csv["schema"]!["type"]!.GetValue<string>());
        Assert.Null(csv["schema"]!["$ref"]);
        var lines = csv["example"]!.GetValue<string>().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("x1,x2,label", lines[0]);
        Assert.All(lines.Skip(1), line => Assert.Equal(3, line.Split(',').Length));
        Assert.NotNull(content["application/json"]!["schema"]!["$ref"]);
        Assert.NotNull(content["application/json"]!["example"]!["features"]);
    }

    [Fact]
    public async Task FitCsvExample_PostedAsCsv_Fits()
    {
        var example = (await DocumentAsync())["paths"]!["/api/v1/logistic-regression/fit"]!["post"]!["requestBody"]!["content"]!["text/csv"]!["example"]!.GetValue<string>();
        using var client = factory.CreateClient();

        using var content = new StringContent(example, Encoding.UTF8, "text/csv");
        using var response = await client.PostAsync(new Uri("/api/v1/logistic-regression/fit", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, body.RootElement.GetProperty("coefficients").GetArrayLength());
    }

    [Fact]
    public async Task Document_DigitMultipartBody_IsArrayOfBinaryImages()
    {
        var content = (await DocumentAsync())["paths"]!["/api/v1/models/mnist-zero/predict"]!["post"]!["requestBody"]!["content"]!;

        var multipart = content["multipart/form-data"]!["schema"]!;
        Assert.Equal("object", multipart["type"]!.GetValue<string>());
        var images = multipart["properties"]!["images"]!;
        Assert.Equal("array", images["type"]!.GetValue<string>());
        Assert.Equal("string", images["items"]!["type"]!.GetValue<string>());
        Assert.Equal("binary", images["items"]!["format"]!.GetValue<string>());
        Assert.Null(multipart["properties"]!["pixels"]);
        Assert.NotNull(content["application/json"]!["schema"]!["$ref"]);
    }

    [Fact]
    public async Task DigitJsonExample_PostedAsJson_IsZero()
    {
        var example = (await DocumentAsync())["paths"]!["/api/v1/models/mnist-zero/predict"]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]!;
        var pixels = example["pixels"]![0]!.AsArray();
        Assert.Equal(784, pixels.Count);
        Assert.Contains(pixels, pixel => pixel!.GetValue<double>() > 0.9);
        using var client = factory.CreateClient();
        await ModelTestData.WaitUntilReadyAsync(client);

        using var response = await client.PostAsync(
            new Uri("/api/v1/models/mnist-zero/predict", UriKind.Relative),
            new StringContent(example.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var prediction = body.RootElement.GetProperty("predictions")[0];
        Assert.True(prediction.GetProperty("isZero").GetBoolean(), prediction.ToString());
    }

    [Fact]
    public async Task InferExample_PostedToItsModel_Answers200()
    {
        var operation = (await DocumentAsync())["paths"]!["/v2/models/{name}/infer"]!["post"]!;
        var example = operation["requestBody"]!["content"]!["application/json"]!["example"]!;
        Assert.Contains("mnist-vae-decoder", operation["description"]!.GetValue<string>(), StringComparison.Ordinal);
        using var client = factory.CreateClient();
        await ModelTestData.WaitUntilReadyAsync(client);

        using var response = await client.PostAsync(
            new Uri("/v2/models/mnist-vae-decoder/infer", UriKind.Relative),
            new StringContent(example.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var output = body.RootElement.GetProperty("outputs")[0];
        Assert.Equal("pixels", output.GetProperty("name").GetString());
        Assert.Equal(784, output.GetProperty("data").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/activations/{name}", "get")]
    [InlineData("/api/v1/activations/{name}/evaluate", "get")]
    [InlineData("/api/v1/activations/{name}/evaluate", "post")]
    [InlineData("/api/v1/activations/{name}/curve", "get")]
    [InlineData("/v2/models/{name}", "get")]
    [InlineData("/v2/models/{name}/ready", "get")]
    public async Task Document_NamedResource_Declares404(string path, string method)
    {
        var responses = (await DocumentAsync())["paths"]![path]![method]!["responses"]!;

        Assert.NotNull(responses["404"]);
        Assert.NotNull(responses["404"]!["content"]);
    }

    [Fact]
    public async Task Document_LabelsAndClassWeights_MatchWireFormat()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!.AsObject();

        var label = schemas.Single(schema => schema.Key.EndsWith("LabelValue", StringComparison.Ordinal)).Value!;
        var labelTypes = label["oneOf"]!.AsArray().Select(branch => branch!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["integer", "boolean", "string"], labelTypes);
        Assert.Null(label["properties"]);

        var options = schemas.Single(schema => schema.Key.EndsWith("LogisticRegressionFitOptions", StringComparison.Ordinal)).Value!;
        var classWeight = options["properties"]!["classWeight"]!;
        var weightTypes = classWeight["oneOf"]!.AsArray().Select(branch => branch!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["string", "object"], weightTypes);
    }

    [Fact]
    public async Task Document_EveryNumber_MayBeNonFiniteString()
    {
        var document = await DocumentAsync();

        var numbers = new List<string>();
        var unions = 0;
        Walk(document, "#", numbers, ref unions);

        // Class weights must be finite and positive, so they are declared as plain numbers on purpose.
        Assert.DoesNotContain(numbers, path => !path.Contains("/classWeight/", StringComparison.Ordinal));
        // The evaluate response alone has several double arrays; far fewer unions would mean the filter missed them.
        Assert.True(unions >= 20, $"only {unions} number-or-literal unions were found");
        var evaluate = document["components"]!["schemas"]!.AsObject()
            .Single(schema => schema.Key.EndsWith("EvaluateActivationResponse", StringComparison.Ordinal)).Value!;
        var items = evaluate["properties"]!["values"]!["items"]!;
        Assert.Equal("number", items["oneOf"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(NamedLiterals, items["oneOf"]![1]!["enum"]!.AsArray().Select(value => value!.GetValue<string>()));
    }

    // Every schema with type number must be the first branch of a oneOf whose second branch is the string
    // enum of the three named literals.
    private static void Walk(JsonNode? node, string path, List<string> numbers, ref int unions)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["oneOf"] is JsonArray oneOf && oneOf.Count == 2 && IsNumber(oneOf[0]) && IsNamedLiterals(oneOf[1]))
                {
                    unions++;
                    return;
                }

                if (IsNumber(obj))
                {
                    numbers.Add(path);
                }

                foreach (var (key, child) in obj)
                {
                    Walk(child, $"{path}/{key}", numbers, ref unions);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}/{i}", numbers, ref unions);
                }

                break;
        }
    }

    private static bool IsNumber(JsonNode? node) =>
        node?["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "number";

    private static bool IsNamedLiterals(JsonNode? node) =>
        node?["type"]?.GetValue<string>() == "string"
        && node["enum"] is JsonArray values
        && values.Select(value => value!.GetValue<string>()).SequenceEqual(NamedLiterals);

    private async Task<JsonNode> DocumentAsync()
    {
        using var client = factory.CreateClient();
        var document = await client.GetFromJsonAsync<JsonNode>(new Uri("/swagger/v1/swagger.json", UriKind.Relative));
        return document ?? throw new InvalidOperationException("The OpenAPI document is empty.");
    }
}
