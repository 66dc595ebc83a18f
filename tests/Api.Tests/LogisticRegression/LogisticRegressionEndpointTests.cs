using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SigmoidService.Api.Tests.LogisticRegression;

public sealed class LogisticRegressionEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string FitPath = "/api/v1/logistic-regression/fit";

    private static readonly double[][] TwoFeatures =
    [
        [0.5, 1.2], [1.5, -0.3], [-0.7, 0.8], [2.2, 0.1], [-1.4, -1.0], [0.9, 0.4], [-0.2, -0.6], [1.1, 1.3],
        [0.3, -0.2], [-0.9, 0.5], [1.8, 0.9], [-0.4, -1.1],
    ];

    // Not separable, so that the unpenalised fit has a finite optimum (statsmodels converges on it).
    private static readonly int[] TwoFeatureLabels = [0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0];

    [Fact]
    public async Task Fit_NumericLabels_StoresModel()
    {
        using var client = factory.CreateClient();

        var fit = await PostFit(client, new { features = TwoFeatures, labels = TwoFeatureLabels });
        var modelId = fit.GetProperty("modelId").GetString();
        using var fetched = await client.GetAsync(new Uri($"/api/v1/logistic-regression/models/{modelId}", UriKind.Relative));
        var again = JsonDocument.Parse(await fetched.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("[0,1]", fit.GetProperty("classes").GetRawText());
        Assert.Equal(2, fit.GetProperty("coefficients").GetArrayLength());
        Assert.True(fit.GetProperty("converged").GetBoolean());
        Assert.Equal(0, fit.GetProperty("warnings").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, fit.GetProperty("statistics").ValueKind);
        Assert.InRange(fit.GetProperty("trainingMetrics").GetProperty("rocAuc").GetDouble(), 0, 1);
        Assert.Equal(fit.GetProperty("coefficients").GetRawText(), again.GetProperty("coefficients").GetRawText());
        Assert.Equal(fit.GetProperty("intercept").GetDouble(), again.GetProperty("intercept").GetDouble());
    }

    [Fact]
    public async Task Fit_StringLabels_SortsClassesAndPredictsThem()
    {
        using var client = factory.CreateClient();
        var labels = TwoFeatureLabels.Select(label => label == 1 ? "ham" : "spam").ToArray();

        var fit = await PostFit(client, new { features = TwoFeatures, labels });
        var modelId = fit.GetProperty("modelId").GetString();
        using var response = await client.PostAsJsonAsync(
            new Uri($"/api/v1/logistic-regression/models/{modelId}/predict", UriKind.Relative),
            new { features = new[] { new[] { 0.5, 1.2 }, new[] { 1.5, -0.3 } } });
        var prediction = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("[\"ham\",\"spam\"]", fit.GetProperty("classes").GetRawText());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, prediction.GetProperty("probabilities").GetArrayLength());
        foreach (var label in prediction.GetProperty("labels").EnumerateArray())
        {
            Assert.Contains(label.GetString(), new[] { "ham", "spam" });
        }

        var decision = prediction.GetProperty("decisionFunction")[0].GetDouble();
        var probability = prediction.GetProperty("probabilities")[0].GetDouble();
        Assert.Equal(1 / (1 + Math.Exp(-decision)), probability, 14);
        Assert.Equal(decision > 0 ? "spam" : "ham", prediction.GetProperty("labels")[0].GetString());
    }

    [Fact]
    public async Task Fit_BooleanLabels_ClassesAreFalseTrue()
    {
        using var client = factory.CreateClient();
        var labels = TwoFeatureLabels.Select(label => label == 1).ToArray();

        var fit = await PostFit(client, new { features = TwoFeatures, labels });

        Assert.Equal("[false,true]", fit.GetProperty("classes").GetRawText());
    }

    [Fact]
    public async Task Fit_PenaltyNone_ReturnsStatisticsInterceptFirst()
    {
        using var client = factory.CreateClient();

        var fit = await PostFit(client, new { features = TwoFeatures, labels = TwoFeatureLabels, options = new { penalty = "none" } });
        var statistics = fit.GetProperty("statistics");

        Assert.Equal(3, statistics.GetProperty("standardErrors").GetArrayLength());
        Assert.Equal(3, statistics.GetProperty("pValues").GetArrayLength());
        Assert.Equal(2, statistics.GetProperty("confidenceIntervals")[0].GetArrayLength());
        var interceptSe = statistics.GetProperty("standardErrors")[0].GetDouble();
        var lower = statistics.GetProperty("confidenceIntervals")[0][0].GetDouble();
        Assert.Equal(fit.GetProperty("intercept").GetDouble() - (1.959963984540054 * interceptSe), lower, 12);
        Assert.True(statistics.GetProperty("logLikelihood").GetDouble() > statistics.GetProperty("nullLogLikelihood").GetDouble());
    }

    [Fact]
    public async Task Fit_Csv_MatchesJsonFit()
    {
        using var client = factory.CreateClient();
        var csv = new StringBuilder("species,x1,x2\n");
        for (var i = 0; i < TwoFeatures.Length; i++)
        {
            csv.Append(TwoFeatureLabels[i] == 1 ? "virginica" : "setosa").Append(',')
                .Append(TwoFeatures[i][0].ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(TwoFeatures[i][1].ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        using var response = await client.PostAsync(new Uri(FitPath + "?label=species&penalty=none&c=0.5", UriKind.Relative), content);
        var csvFit = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var jsonFit = await PostFit(client, new { features = TwoFeatures, labels = TwoFeatureLabels, options = new { penalty = "none" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[\"setosa\",\"virginica\"]", csvFit.GetProperty("classes").GetRawText());
        for (var j = 0; j < 2; j++)
        {
            Assert.Equal(jsonFit.GetProperty("coefficients")[j].GetDouble(), csvFit.GetProperty("coefficients")[j].GetDouble(), 12);
        }

        Assert.NotEqual(JsonValueKind.Null, csvFit.GetProperty("statistics").ValueKind);
    }

    [Fact]
    public async Task Fit_CsvTextCell_NamesLineAndColumn()
    {
        using var client = factory.CreateClient();
        using var content = new StringContent("x1,x2,y\n1,2,0\n3,abc,1\n0.5,1,1\n", Encoding.UTF8, "text/csv");

        using var response = await client.PostAsync(new Uri(FitPath, UriKind.Relative), content);

        var messages = await ProblemAssert.HasFieldError(response, "features[1][1]");
        Assert.Contains("Line 3, column 'x2'", messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fit_CsvUnknownLabelColumn_NamesLabel()
    {
        using var client = factory.CreateClient();
        using var content = new StringContent("x1,y\n1,0\n2,1\n", Encoding.UTF8, "text/csv");

        using var response = await client.PostAsync(new Uri(FitPath + "?label=target", UriKind.Relative), content);

        await ProblemAssert.HasFieldError(response, "label");
    }

    [Fact]
    public async Task Fit_CsvRaggedLine_NamesRow()
    {
        using var client = factory.CreateClient();
        using var content = new StringContent("x1,x2,y\n1,2,0\n3,1\n0.5,1,1\n", Encoding.UTF8, "text/csv");

        using var response = await client.PostAsync(new Uri(FitPath, UriKind.Relative), content);

        await ProblemAssert.HasFieldError(response, "features[1]");
    }

    [Fact]
    public async Task Fit_CsvBadQueryOption_NamesParameter()
    {
        using var client = factory.CreateClient();
        using var content = new StringContent("x1,y\n1,0\n2,1\n", Encoding.UTF8, "text/csv");

        using var response = await client.PostAsync(new Uri(FitPath + "?c=-2", UriKind.Relative), content);

        await ProblemAssert.HasFieldError(response, "c");
    }

    [Fact]
    public async Task Fit_NaNCell_NamesCell()
    {
        using var client = factory.CreateClient();
        using var content = JsonBody("""{"features": [[1, 2], [3, "NaN"], [0, 1]], "labels": [0, 1, 1]}""");

        using var response = await client.PostAsync(new Uri(FitPath, UriKind.Relative), content);

        await ProblemAssert.HasFieldError(response, "features[1][1]");
    }

    [Fact]
    public async Task Fit_NonNumericJsonCell_NamesCell()
    {
        using var client = factory.CreateClient();
        using var content = JsonBody("""{"features": [[1, 2], [3, "abc"], [0, 1]], "labels": [0, 1, 1]}""");

        using var response = await client.PostAsync(new Uri(FitPath, UriKind.Relative), content);

        await ProblemAssert.HasFieldError(response, "features[1][1]");
    }

    [Fact]
    public async Task Fit_RaggedRows_NamesRow()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri(FitPath, UriKind.Relative), new { features = new[] { new[] { 1.0, 2 }, [3.0, 4], [5.0] }, labels = new[] { 0, 1, 1 } });

        await ProblemAssert.HasFieldError(response, "features[2]");
    }

    [Fact]
    public async Task Fit_LabelCountMismatch_NamesLabels()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri(FitPath, UriKind.Relative), new { features = TwoFeatures, labels = new[] { 0, 1, 0 } });

        await ProblemAssert.HasFieldError(response, "labels");
    }

    [Fact]
    public async Task Fit_ThreeClasses_NamesFirstThirdClassLabel()
    {
        using var client = factory.CreateClient();
        string[] labels = ["a", "b", "a", "c", "b", "a", "b", "a", "a", "b", "b", "a"];

        using var response = await client.PostAsJsonAsync(new Uri(FitPath, UriKind.Relative), new { features = TwoFeatures, labels });

        await ProblemAssert.HasFieldError(response, "labels[3]");
    }

    [Fact]
    public async Task Fit_NumericLabelTwo_NamesLabel()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri(FitPath, UriKind.Relative), new { features = TwoFeatures, labels = new[] { 0, 1, 0, 1, 2, 1, 1, 0, 0, 1, 1, 0 } });

        await ProblemAssert.HasFieldError(response, "labels[4]");
    }

    [Fact]
    public async Task Fit_MixedLabelKinds_NamesLabel()
    {
        using var client = factory.CreateClient();
        using var content = JsonBody("""{"features": [[1], [2], [3]], "labels": [0, true, 1]}""");

        using var response = await client.PostAsync(new Uri(FitPath, UriKind.Relative), content);

        await ProblemAssert.HasFieldError(response, "labels[1]");
    }

    [Fact]
    public async Task Fit_OneClass_Returns422()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri(FitPath, UriKind.Relative), new { features = TwoFeatures, labels = new int[12] });

        await ProblemAssert.IsProblem(response, HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("""{"c": 0}""", "options.c")]
    [InlineData("""{"c": -1}""", "options.c")]
    [InlineData("""{"maxIterations": 0}""", "options.maxIterations")]
    [InlineData("""{"maxIterations": 10001}""", "options.maxIterations")]
    [InlineData("""{"tolerance": 0}""", "options.tolerance")]
    [InlineData("""{"classWeight": "heavy"}""", "options.classWeight")]
    [InlineData("""{"classWeight": {"0": 1, "2": 3}}""", "options.classWeight.2")]
    [InlineData("""{"classWeight": {"0": -1}}""", "options.classWeight.0")]
    [InlineData("""{"penalty": "l1"}""", "options.penalty")]
    [InlineData("""{"unknown": 1}""", "options.unknown")]
    public async Task Fit_InvalidOption_NamesField(string options, string field)
    {
        using var client = factory.CreateClient();
        using var content = JsonBody($$"""{"features": [[1], [2], [3], [4]], "labels": [0, 1, 0, 1], "options": {{options}}}""");

        using var response = await client.PostAsync(new Uri(FitPath, UriKind.Relative), content);

        await ProblemAssert.HasFieldError(response, field);
    }

    [Fact]
    public async Task Fit_ClassWeightWithStringKeys_IsAccepted()
    {
        using var client = factory.CreateClient();
        var labels = TwoFeatureLabels.Select(label => label == 1 ? "ham" : "spam").ToArray();

        var fit = await PostFit(client, new { features = TwoFeatures, labels, options = new { classWeight = new Dictionary<string, double> { ["spam"] = 3 } } });

        Assert.True(fit.GetProperty("converged").GetBoolean());
    }

    [Fact]
    public async Task Fit_NegativeSampleWeight_NamesIndex()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri(FitPath, UriKind.Relative), new
        {
            features = TwoFeatures, labels = TwoFeatureLabels, sampleWeights = new[] { 1.0, -1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 },
        });

        await ProblemAssert.HasFieldError(response, "sampleWeights[1]");
    }

    [Fact]
    public async Task Fit_SampleWeightCountMismatch_NamesSampleWeights()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri(FitPath, UriKind.Relative), new
        {
            features = TwoFeatures, labels = TwoFeatureLabels, sampleWeights = new[] { 1.0, 1 },
        });

        await ProblemAssert.HasFieldError(response, "sampleWeights");
    }

    [Fact]
    public async Task Fit_EmptyTable_NamesFeatures()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri(FitPath, UriKind.Relative), new { features = Array.Empty<double[]>(), labels = Array.Empty<int>() });

        await ProblemAssert.HasFieldError(response, "features");
    }

    [Fact]
    public async Task Fit_MissingLabels_NamesLabels()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri(FitPath, UriKind.Relative), new { features = TwoFeatures });

        await ProblemAssert.HasFieldError(response, "labels");
    }

    [Fact]
    public async Task Fit_TableOverLimit_NamesFeatures()
    {
        using var limited = factory.WithWebHostBuilder(builder => builder.UseSetting("Limits:MaxNumbersPerRequest", "10"));
        using var client = limited.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri(FitPath, UriKind.Relative), new { features = TwoFeatures, labels = TwoFeatureLabels });

        var messages = await ProblemAssert.HasFieldError(response, "features");
        Assert.Contains("limit of 10", messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fit_CsvOverLimit_NamesFeatures()
    {
        using var limited = factory.WithWebHostBuilder(builder => builder.UseSetting("Limits:MaxNumbersPerRequest", "10"));
        using var client = limited.CreateClient();
        using var content = new StringContent("x1,x2,y\n" + string.Concat(Enumerable.Repeat("1,2,0\n2,1,1\n", 5)), Encoding.UTF8, "text/csv");

        using var response = await client.PostAsync(new Uri(FitPath, UriKind.Relative), content);

        await ProblemAssert.HasFieldError(response, "features");
    }

    [Fact]
    public async Task Fit_BodyOverByteLimit_Returns413()
    {
        using var limited = factory.WithWebHostBuilder(builder => builder.UseSetting("Limits:MaxJsonBodyBytes", "2048"));
        using var client = limited.CreateClient();
        using var content = new StringContent("x1,y\n" + string.Concat(Enumerable.Repeat("1.25,0\n2.5,1\n", 400)), Encoding.UTF8, "text/csv");

        using var response = await client.PostAsync(new Uri(FitPath, UriKind.Relative), content);

        await ProblemAssert.IsProblem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Fit_UnsupportedMediaType_Returns415()
    {
        using var client = factory.CreateClient();
        using var content = new StringContent("x", Encoding.UTF8, "text/plain");

        using var response = await client.PostAsync(new Uri(FitPath, UriKind.Relative), content);

        await ProblemAssert.IsProblem(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Fit_PerfectSeparation_WarnsWithNaNStatistics()
    {
        using var client = factory.CreateClient();

        var fit = await PostFit(client, new
        {
            features = new[] { new[] { -2.0 }, [-1.0], [-0.5], [0.5], [1.0], [2.0] },
            labels = new[] { 0, 0, 0, 1, 1, 1 },
            options = new { penalty = "none" },
        });

        Assert.Contains("Perfect separation", fit.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        Assert.False(fit.GetProperty("converged").GetBoolean());
        var standardError = fit.GetProperty("statistics").GetProperty("standardErrors")[1];
        Assert.Equal(JsonValueKind.String, standardError.ValueKind);
        Assert.Equal("NaN", standardError.GetString());
    }

    [Fact]
    public async Task Curve_OneFeature_ReturnsGridAndPoints()
    {
        using var client = factory.CreateClient();
        var fit = await PostFit(client, new
        {
            features = new[] { new[] { -2.0 }, [-1.0], [-0.5], [0.3], [0.5], [1.0], [2.0], [-0.2] },
            labels = new[] { "no", "no", "yes", "no", "yes", "yes", "yes", "no" },
        });
        var modelId = fit.GetProperty("modelId").GetString();

        using var response = await client.GetAsync(new Uri($"/api/v1/logistic-regression/models/{modelId}/curve?from=-3&to=3&points=7", UriKind.Relative));
        var curve = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, curve.GetProperty("x").GetArrayLength());
        Assert.Equal(-3.0, curve.GetProperty("x")[0].GetDouble());
        Assert.Equal(3.0, curve.GetProperty("x")[6].GetDouble());
        var coefficient = curve.GetProperty("coefficient").GetDouble();
        var intercept = curve.GetProperty("intercept").GetDouble();
        Assert.Equal(1 / (1 + Math.Exp(-((coefficient * 1.0) + intercept))), curve.GetProperty("probabilities")[4].GetDouble(), 14);
        Assert.Equal(-intercept / coefficient, curve.GetProperty("decisionBoundary").GetDouble(), 14);
        Assert.Equal(8, curve.GetProperty("trainingPoints").GetProperty("x").GetArrayLength());
        Assert.Equal("yes", curve.GetProperty("trainingPoints").GetProperty("labels")[2].GetString());
        Assert.Equal(1, curve.GetProperty("trainingPoints").GetProperty("targets")[2].GetInt32());
    }

    [Fact]
    public async Task Curve_DefaultRange_CoversTrainingData()
    {
        using var client = factory.CreateClient();
        var fit = await PostFit(client, new { features = new[] { new[] { 10.0 }, [12.0], [14.0], [11.0], [13.0], [15.0] }, labels = new[] { 0, 0, 1, 1, 0, 1 } });

        using var response = await client.GetAsync(new Uri($"/api/v1/logistic-regression/models/{fit.GetProperty("modelId").GetString()}/curve", UriKind.Relative));
        var curve = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(101, curve.GetProperty("x").GetArrayLength());
        Assert.Equal(9.5, curve.GetProperty("x")[0].GetDouble(), 12);
        Assert.Equal(15.5, curve.GetProperty("x")[100].GetDouble(), 12);
    }

    [Fact]
    public async Task Curve_TwoFeatureModel_Returns422()
    {
        using var client = factory.CreateClient();
        var fit = await PostFit(client, new { features = TwoFeatures, labels = TwoFeatureLabels });

        using var response = await client.GetAsync(new Uri($"/api/v1/logistic-regression/models/{fit.GetProperty("modelId").GetString()}/curve", UriKind.Relative));

        await ProblemAssert.IsProblem(response, HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("points=1", "points")]
    [InlineData("from=2&to=1", "to")]
    [InlineData("from=abc", "from")]
    public async Task Curve_BadQuery_NamesParameter(string query, string field)
    {
        using var client = factory.CreateClient();
        var fit = await PostFit(client, new { features = new[] { new[] { -1.0 }, [0.2], [1.0], [-0.3] }, labels = new[] { 0, 0, 1, 1 } });

        using var response = await client.GetAsync(new Uri($"/api/v1/logistic-regression/models/{fit.GetProperty("modelId").GetString()}/curve?{query}", UriKind.Relative));

        await ProblemAssert.HasFieldError(response, field);
    }

    [Fact]
    public async Task Predict_WrongRowLength_NamesRow()
    {
        using var client = factory.CreateClient();
        var fit = await PostFit(client, new { features = TwoFeatures, labels = TwoFeatureLabels });

        using var response = await client.PostAsJsonAsync(
            new Uri($"/api/v1/logistic-regression/models/{fit.GetProperty("modelId").GetString()}/predict", UriKind.Relative),
            new { features = new[] { new[] { 1.0, 2 }, [1.0, 2, 3] } });

        await ProblemAssert.HasFieldError(response, "features[1]");
    }

    [Fact]
    public async Task Model_UnknownId_Returns404()
    {
        using var client = factory.CreateClient();

        using var get = await client.GetAsync(new Uri("/api/v1/logistic-regression/models/no-such-model", UriKind.Relative));
        using var predict = await client.PostAsJsonAsync(new Uri("/api/v1/logistic-regression/models/no-such-model/predict", UriKind.Relative), new { features = new[] { new[] { 1.0 } } });
        using var curve = await client.GetAsync(new Uri("/api/v1/logistic-regression/models/no-such-model/curve", UriKind.Relative));

        await ProblemAssert.IsProblem(get, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(predict, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(curve, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Model_AfterSlidingExpiry_Returns404()
    {
        using var expiring = factory.WithWebHostBuilder(builder => builder.UseSetting("Cache:ModelSlidingExpiration", "00:00:01"));
        using var client = expiring.CreateClient();
        var fit = await PostFit(client, new { features = TwoFeatures, labels = TwoFeatureLabels });

        await Task.Delay(TimeSpan.FromMilliseconds(1500));
        using var response = await client.GetAsync(new Uri($"/api/v1/logistic-regression/models/{fit.GetProperty("modelId").GetString()}", UriKind.Relative));

        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> PostFit(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri(FitPath, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");
}
