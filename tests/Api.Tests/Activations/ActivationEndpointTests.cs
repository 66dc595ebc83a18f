using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using SigmoidService.Domain.Activations;

namespace SigmoidService.Api.Tests.Activations;

public sealed class ActivationEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    [Fact]
    public async Task List_Always_ReturnsEveryActivationWithMetadata()
    {
        using var client = factory.CreateClient();

        using var document = await GetJson(client, "/api/v1/activations");

        var entries = document.RootElement.GetProperty("activations").EnumerateArray().ToList();
        Assert.Equal(16, entries.Count);
        var relu = entries.Single(entry => entry.GetProperty("name").GetString() == "relu");
        Assert.Equal("Infinity", relu.GetProperty("range").GetProperty("max").GetString());
        Assert.Equal(0.0, relu.GetProperty("range").GetProperty("min").GetDouble());
        Assert.False(relu.GetProperty("properties").GetProperty("smooth").GetBoolean());
        Assert.True(relu.GetProperty("properties").GetProperty("monotonic").GetBoolean());
        var scaled = entries.Single(entry => entry.GetProperty("name").GetString() == "scaled-sigmoid");
        Assert.Equal(["l", "k", "x0"], scaled.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Contains(@"\frac", scaled.GetProperty("latex").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(scaled.GetProperty("derivativeLatex").GetString()));
    }

    [Fact]
    public async Task Get_KnownName_ReturnsEntry()
    {
        using var client = factory.CreateClient();

        using var document = await GetJson(client, "/api/v1/activations/leaky-relu");

        Assert.Equal("Leaky ReLU", document.RootElement.GetProperty("displayName").GetString());
        var parameter = document.RootElement.GetProperty("parameters")[0];
        Assert.Equal("alpha", parameter.GetProperty("name").GetString());
        Assert.Equal(0.01, parameter.GetProperty("default").GetDouble());
    }

    [Theory]
    [InlineData("/api/v1/activations/swish")]
    [InlineData("/api/v1/activations/Sigmoid/evaluate?x=1")]
    [InlineData("/api/v1/activations/nope/curve")]
    [InlineData("/api/v1/activations/compare?names=sigmoid,nope")]
    public async Task UnknownActivation_Returns404Problem(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Known activations", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_IsNotCapturedAsActivationName()
    {
        using var client = factory.CreateClient();

        using var document = await GetJson(client, "/api/v1/activations/compare?names=sigmoid,relu&from=-2&to=2&points=5");
        using var missingNames = await client.GetAsync(new Uri("/api/v1/activations/compare", UriKind.Relative));

        Assert.Equal([-2.0, -1.0, 0.0, 1.0, 2.0], Doubles(document.RootElement.GetProperty("x")));
        var series = document.RootElement.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["sigmoid", "relu"], series.Select(entry => entry.GetProperty("activation").GetString()));
        Assert.Equal([0.0, 0.0, 0.0, 1.0, 2.0], Doubles(series[1].GetProperty("values")));
        Assert.Equal([0.0, 0.0, 0.0, 1.0, 1.0], Doubles(series[1].GetProperty("derivatives")));
        await AssertProblem(missingNames, HttpStatusCode.BadRequest, "names");
    }

    [Fact]
    public async Task EvaluateGet_SigmoidAtExtremes_ReturnsExactValues()
    {
        using var client = factory.CreateClient();
        var sigmoid = new SigmoidActivation();

        using var document = await GetJson(client, "/api/v1/activations/sigmoid/evaluate?x=-745&x=-Infinity&x=0&x=40&x=-708.5&x=Infinity");

        var values = Doubles(document.RootElement.GetProperty("values"));
        var derivatives = Doubles(document.RootElement.GetProperty("derivatives"));
        Assert.Equal(double.Epsilon, values[0]);
        Assert.Equal(0.0, values[1]);
        Assert.Equal(0.5, values[2]);
        Assert.Equal(1.0, values[3]);
        Assert.Equal(1.0, values[5]);
        Assert.Equal(0.25, derivatives[2]);
        Assert.True(derivatives[3] > 0, "The derivative at 40 is 4.2e-18, not 0.");
        Assert.Equal(0.0, derivatives[5]);
        Assert.Equal(BitConverter.DoubleToInt64Bits(sigmoid.Value(-708.5)), BitConverter.DoubleToInt64Bits(values[4]));
        Assert.Equal(BitConverter.DoubleToInt64Bits(sigmoid.Derivative(40.0)), BitConverter.DoubleToInt64Bits(derivatives[3]));
        Assert.Equal("double", document.RootElement.GetProperty("precision").GetString());
        Assert.Equal("sigmoid", document.RootElement.GetProperty("activation").GetString());
    }

    [Fact]
    public async Task EvaluatePost_ManyPoints_RoundTripsEveryBit()
    {
        using var client = factory.CreateClient();
        var x = Enumerable.Range(0, 3000).Select(i => -750.0 + (i * 0.5123)).ToArray();
        var sigmoid = new SigmoidActivation();

        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/activations/sigmoid/evaluate", UriKind.Relative), new { x });
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expectedValues = new double[x.Length];
        var expectedDerivatives = new double[x.Length];
        sigmoid.Evaluate(x, expectedValues, expectedDerivatives);
        var values = Doubles(document.RootElement.GetProperty("values"));
        var derivatives = Doubles(document.RootElement.GetProperty("derivatives"));
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expectedValues[i]), BitConverter.DoubleToInt64Bits(values[i]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expectedDerivatives[i]), BitConverter.DoubleToInt64Bits(derivatives[i]));
        }
    }

    [Fact]
    public async Task EvaluatePost_SinglePrecision_ReturnsSingleValues()
    {
        using var client = factory.CreateClient();
        var body = new { x = new[] { 0.1, -90.0, 3.0 }, precision = "single", parameters = new Dictionary<string, double> { ["beta"] = 0.3 } };

        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/activations/softplus/evaluate", UriKind.Relative), body);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var softplus = ActivationCatalog.All.Single(a => a.Name == "softplus").WithParameters(new Dictionary<string, double> { ["beta"] = 0.3 });
        Assert.Equal("single", document.RootElement.GetProperty("precision").GetString());
        Assert.Equal((double)0.1f, Doubles(document.RootElement.GetProperty("x"))[0]);
        Assert.Equal((double)0.3f, document.RootElement.GetProperty("parameters").GetProperty("beta").GetDouble());
        var values = Doubles(document.RootElement.GetProperty("values"));
        Assert.Equal((double)softplus.Value(0.1f), values[0]);
        Assert.Equal((double)softplus.Value(-90.0f), values[1]);
        Assert.Equal((double)softplus.Derivative(3.0f), Doubles(document.RootElement.GetProperty("derivatives"))[2]);
    }

    [Fact]
    public async Task EvaluatePost_Parameters_AreApplied()
    {
        using var client = factory.CreateClient();
        var body = new { x = new[] { -1.0, 2.0 }, parameters = new Dictionary<string, double> { ["alpha"] = 0.1 } };

        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/activations/leaky-relu/evaluate", UriKind.Relative), body);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([-0.1, 2.0], Doubles(document.RootElement.GetProperty("values")));
        Assert.Equal([0.1, 1.0], Doubles(document.RootElement.GetProperty("derivatives")));
        Assert.Equal(0.1, document.RootElement.GetProperty("parameters").GetProperty("alpha").GetDouble());
    }

    [Fact]
    public async Task EvaluateGet_QueryParameters_AreApplied()
    {
        using var client = factory.CreateClient();

        using var document = await GetJson(client, "/api/v1/activations/scaled-sigmoid/evaluate?x=1&l=2&k=3&x0=1");

        Assert.Equal([1.0], Doubles(document.RootElement.GetProperty("values")));
        Assert.Equal([1.5], Doubles(document.RootElement.GetProperty("derivatives")));
    }

    [Fact]
    public async Task EvaluatePost_LogitEnds_WritesNamedInfinities()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/v1/activations/logit/evaluate", UriKind.Relative),
            new StringContent("""{"x": [0, 1, 0.5]}""", Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"values\":[\"-Infinity\",\"Infinity\",0]", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""not json""", "body")]
    [InlineData("""{"x": "abc"}""", "x")]
    [InlineData("""{"x": [1, "abc"]}""", "x[1]")]
    [InlineData("""{"x": [1, "NaN", 2]}""", "x[1]")]
    [InlineData("""{"x": []}""", "x")]
    [InlineData("""{}""", "x")]
    [InlineData("""{"x": [1], "precision": "half"}""", "precision")]
    [InlineData("""{"x": [1], "parameters": {"beta": 1}}""", "parameters.beta")]
    [InlineData("""{"x": [1], "parameters": {"alpha": "NaN"}}""", "parameters.alpha")]
    [InlineData("""{"x": [1], "extra": true}""", "extra")]
    public async Task EvaluatePost_BadBody_Returns400NamingField(string body, string field)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/v1/activations/leaky-relu/evaluate", UriKind.Relative),
            new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblem(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("logit", """{"x": [0.5, -0.1, 1.5]}""", "x[1]")]
    [InlineData("logit", """{"x": ["Infinity"]}""", "x[0]")]
    [InlineData("softplus", """{"x": [1], "parameters": {"beta": 0}}""", "parameters.beta")]
    [InlineData("softplus", """{"x": [1], "parameters": {"beta": -2}}""", "parameters.beta")]
    [InlineData("sigmoid", """{"x": [1], "parameters": {"alpha": 1}}""", "parameters.alpha")]
    public async Task EvaluatePost_InvalidForActivation_Returns400NamingField(string name, string body, string field)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri($"/api/v1/activations/{name}/evaluate", UriKind.Relative),
            new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblem(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("/api/v1/activations/sigmoid/evaluate", "x")]
    [InlineData("/api/v1/activations/sigmoid/evaluate?x=1&x=abc", "x[1]")]
    [InlineData("/api/v1/activations/sigmoid/evaluate?x=NaN", "x[0]")]
    [InlineData("/api/v1/activations/sigmoid/evaluate?x=1&precision=quad", "precision")]
    [InlineData("/api/v1/activations/sigmoid/evaluate?x=1&alpha=2", "alpha")]
    [InlineData("/api/v1/activations/logit/evaluate?x=2", "x[0]")]
    [InlineData("/api/v1/activations/softplus/evaluate?x=1&beta=0", "beta")]
    [InlineData("/api/v1/activations/softplus/evaluate?x=1&beta=abc", "beta")]
    [InlineData("/api/v1/activations/sigmoid/curve?points=1", "points")]
    [InlineData("/api/v1/activations/sigmoid/curve?points=100001", "points")]
    [InlineData("/api/v1/activations/sigmoid/curve?points=ten", "points")]
    [InlineData("/api/v1/activations/sigmoid/curve?from=1&to=1", "from")]
    [InlineData("/api/v1/activations/sigmoid/curve?from=2&to=-2", "from")]
    [InlineData("/api/v1/activations/sigmoid/curve?from=-Infinity", "from")]
    [InlineData("/api/v1/activations/sigmoid/curve?to=NaN", "to")]
    [InlineData("/api/v1/activations/sigmoid/curve?from=abc", "from")]
    [InlineData("/api/v1/activations/logit/curve?from=-1&to=0.5", "from")]
    [InlineData("/api/v1/activations/elu/curve?beta=1", "beta")]
    [InlineData("/api/v1/activations/compare?names=sigmoid,,relu", "names")]
    [InlineData("/api/v1/activations/compare?names=sigmoid,sigmoid", "names")]
    [InlineData("/api/v1/activations/compare?names=sigmoid&alpha=1", "alpha")]
    [InlineData("/api/v1/activations/compare?names=sigmoid&points=0", "points")]
    public async Task Get_BadQuery_Returns400NamingField(string path, string field)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        await AssertProblem(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Curve_LogitWithoutRange_SamplesItsDomain()
    {
        using var client = factory.CreateClient();

        using var document = await GetJson(client, "/api/v1/activations/logit/curve?points=5");

        var x = Doubles(document.RootElement.GetProperty("x"));
        Assert.Equal([0.0, 0.25, 0.5, 0.75, 1.0], x);
        var values = Doubles(document.RootElement.GetProperty("values"));
        Assert.Equal(double.NegativeInfinity, values[0]);
        Assert.Equal(0.0, values[2]);
        Assert.Equal(double.PositiveInfinity, values[4]);
    }

    [Fact]
    public async Task Curve_LogitWithOnlyFrom_EndsAtDomainEnd()
    {
        using var client = factory.CreateClient();

        using var document = await GetJson(client, "/api/v1/activations/logit/curve?from=0.5&points=3");

        Assert.Equal([0.5, 0.75, 1.0], Doubles(document.RootElement.GetProperty("x")));
    }

    [Fact]
    public async Task Compare_LogitAndSigmoidWithoutRange_SamplesCommonDomain()
    {
        using var client = factory.CreateClient();

        using var document = await GetJson(client, "/api/v1/activations/compare?names=sigmoid,logit&points=3");

        Assert.Equal([0.0, 0.5, 1.0], Doubles(document.RootElement.GetProperty("x")));
    }

    [Fact]
    public async Task Curve_MisspelledFrom_NamesQueryParameters()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/v1/activations/sigmoid/curve?form=-3", UriKind.Relative));

        var message = await AssertProblem(response, HttpStatusCode.BadRequest, "form");
        Assert.Contains("from, to, points", message, StringComparison.Ordinal);
        Assert.Contains("sigmoid has no parameters of its own", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_UnknownParameter_NamesActivationParameters()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/v1/activations/leaky-relu/evaluate?x=1&beta=2", UriKind.Relative));

        var message = await AssertProblem(response, HttpStatusCode.BadRequest, "beta");
        Assert.Contains("x and precision", message, StringComparison.Ordinal);
        Assert.Contains("the parameters of leaky-relu are alpha", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_MoreNumbersThanLimit_Returns400()
    {
        using var limited = factory.WithWebHostBuilder(builder => builder.UseSetting("Limits:MaxNumbersPerRequest", "3"));
        using var client = limited.CreateClient();

        using var post = await client.PostAsJsonAsync(new Uri("/api/v1/activations/tanh/evaluate", UriKind.Relative), new { x = new[] { 1.0, 2.0, 3.0, 4.0 } });
        using var get = await client.GetAsync(new Uri("/api/v1/activations/tanh/evaluate?x=1&x=2&x=3&x=4", UriKind.Relative));
        using var softmax = await client.PostAsJsonAsync(new Uri("/api/v1/softmax", UriKind.Relative), new { logits = new[] { 1.0, 2.0, 3.0, 4.0 } });
        using var allowed = await client.PostAsJsonAsync(new Uri("/api/v1/activations/tanh/evaluate", UriKind.Relative), new { x = new[] { 1.0, 2.0, 3.0 } });
        using var compare = await client.GetAsync(new Uri("/api/v1/activations/compare?names=tanh,relu&points=2", UriKind.Relative));

        await AssertProblem(post, HttpStatusCode.BadRequest, "x");
        await AssertProblem(get, HttpStatusCode.BadRequest, "x");
        await AssertProblem(softmax, HttpStatusCode.BadRequest, "logits");
        await AssertProblem(compare, HttpStatusCode.BadRequest, "points");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Curve_EvenGrid_ReturnsValuesAndDerivatives()
    {
        using var client = factory.CreateClient();

        using var document = await GetJson(client, "/api/v1/activations/leaky-relu/curve?from=-2&to=2&points=5&alpha=0.5");

        Assert.Equal("leaky-relu", document.RootElement.GetProperty("activation").GetString());
        Assert.Equal(0.5, document.RootElement.GetProperty("parameters").GetProperty("alpha").GetDouble());
        Assert.Equal([-2.0, -1.0, 0.0, 1.0, 2.0], Doubles(document.RootElement.GetProperty("x")));
        Assert.Equal([-1.0, -0.5, 0.0, 1.0, 2.0], Doubles(document.RootElement.GetProperty("values")));
        Assert.Equal([0.5, 0.5, 0.5, 1.0, 1.0], Doubles(document.RootElement.GetProperty("derivatives")));
    }

    [Fact]
    public async Task Curve_Defaults_Are101PointsFromMinus10To10()
    {
        using var client = factory.CreateClient();

        using var document = await GetJson(client, "/api/v1/activations/gelu/curve");

        var x = Doubles(document.RootElement.GetProperty("x"));
        Assert.Equal(101, x.Length);
        Assert.Equal(-10.0, x[0]);
        Assert.Equal(10.0, x[^1]);
    }

    [Fact]
    public async Task CurveAndCompare_RepeatedRequest_IsCachedOnce()
    {
        using var isolated = factory.WithWebHostBuilder(_ => { });
        using var client = isolated.CreateClient();
        var cache = (MemoryCache)isolated.Services.GetRequiredService<IMemoryCache>();
        var before = cache.Count;

        using var first = await GetJson(client, "/api/v1/activations/tanh/curve?from=-3&to=3&points=7");
        var afterFirst = cache.Count;
        using var second = await GetJson(client, "/api/v1/activations/tanh/curve?from=-3&to=3.0&points=7");
        using var other = await GetJson(client, "/api/v1/activations/tanh/curve?from=-3&to=3&points=9");
        using var compare = await GetJson(client, "/api/v1/activations/compare?names=tanh,elu&from=-3&to=3&points=7");
        using var compareAgain = await GetJson(client, "/api/v1/activations/compare?names=tanh,elu&from=-3&to=3&points=7");

        Assert.Equal(before + 1, afterFirst);
        Assert.Equal(before + 3, cache.Count);
        Assert.Equal(first.RootElement.GetRawText(), second.RootElement.GetRawText());
        Assert.Equal(compare.RootElement.GetRawText(), compareAgain.RootElement.GetRawText());
    }

    [Fact]
    public async Task Softmax_EqualHugeNegativeLogits_IsUniform()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/softmax", UriKind.Relative), new { logits = new[] { -10000.0, -10000.0 } });
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([0.5, 0.5], Doubles(document.RootElement.GetProperty("probabilities")));
        Assert.Equal(-Math.Log(2.0), Doubles(document.RootElement.GetProperty("logProbabilities"))[0], 1e-16);
    }

    [Fact]
    public async Task Softmax_InfiniteLogitsAndTemperature_AreHandled()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/v1/softmax", UriKind.Relative),
            new StringContent("""{"logits": ["-Infinity", 0, 0], "temperature": 0.5}""", Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"probabilities\":[0,0.5,0.5]", text, StringComparison.Ordinal);
        Assert.Contains("\"logProbabilities\":[\"-Infinity\",", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"logits": [1, 2], "temperature": 0}""", "temperature")]
    [InlineData("""{"logits": [1, 2], "temperature": -1}""", "temperature")]
    [InlineData("""{"logits": [1, 2], "temperature": "Infinity"}""", "temperature")]
    [InlineData("""{"logits": [1, 2], "temperature": "NaN"}""", "temperature")]
    [InlineData("""{"logits": []}""", "logits")]
    [InlineData("""{"temperature": 1}""", "logits")]
    [InlineData("""{"logits": [1, "NaN"]}""", "logits[1]")]
    [InlineData("""{"logits": [1, true]}""", "logits[1]")]
    [InlineData("""not json""", "body")]
    public async Task Softmax_BadBody_Returns400NamingField(string body, string field)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/v1/softmax", UriKind.Relative),
            new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblem(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task SwaggerDocument_DescribesActivationEndpoints()
    {
        using var client = factory.CreateClient();

        var text = await client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));

        Assert.Contains("/api/v1/activations/{name}/evaluate", text, StringComparison.Ordinal);
        Assert.Contains("/api/v1/activations/compare", text, StringComparison.Ordinal);
        Assert.Contains("/api/v1/softmax", text, StringComparison.Ordinal);
        Assert.Contains("Evaluate an activation and its derivative at many points", text, StringComparison.Ordinal);
    }

    private static async Task<JsonDocument> GetJson(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} returned {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text);
    }

    private static double[] Doubles(JsonElement array) =>
        [.. array.EnumerateArray().Select(element => element.Deserialize<double>(Json))];

    /// <summary>Asserts a problem naming <paramref name="field"/> and returns that field's messages joined.</summary>
    private static async Task<string> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for '{field}' in {text}");
        Assert.True(messages.GetArrayLength() > 0);
        return string.Join(" ", messages.EnumerateArray().Select(message => message.GetString()));
    }
}
