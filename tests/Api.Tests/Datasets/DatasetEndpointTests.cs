using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using SigmoidService.Api.Tests.LogisticRegression;

namespace SigmoidService.Api.Tests.Datasets;

public sealed class DatasetEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string Path = "/api/v1/datasets/classification";

    [Fact]
    public async Task Classification_Seeded_ReturnsRequestedShapeAndRepeats()
    {
        using var client = factory.CreateClient();
        var request = new { samples = 30, features = 4, informative = 2, redundant = 1, weights = new[] { 0.7 }, flipY = 0.0, seed = 5 };

        using var first = await client.PostAsJsonAsync(new Uri(Path, UriKind.Relative), request);
        using var second = await client.PostAsJsonAsync(new Uri(Path, UriKind.Relative), request);
        var body = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(30, body.GetProperty("features").GetArrayLength());
        Assert.Equal(4, body.GetProperty("features")[0].GetArrayLength());
        Assert.Equal(21, body.GetProperty("labels").EnumerateArray().Count(label => label.GetInt32() == 0));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Classification_TooManyDerivedFeatures_NamesFeatures()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri(Path, UriKind.Relative), new { features = 3, informative = 2, redundant = 2 });

        await ProblemAssert.HasFieldError(response, "features");
    }

    [Fact]
    public async Task Classification_OverSizeLimit_NamesSamples()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri(Path, UriKind.Relative), new { samples = 2_000_000, features = 20 });

        await ProblemAssert.HasFieldError(response, "samples");
    }

    [Fact]
    public async Task Classification_TwoWeights_NamesWeights()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri(Path, UriKind.Relative), new { weights = new[] { 0.5, 0.5 } });

        await ProblemAssert.HasFieldError(response, "weights");
    }

    [Fact]
    public async Task Classification_GeneratedData_CanBeFitted()
    {
        using var client = factory.CreateClient();
        using var generated = await client.PostAsJsonAsync(new Uri(Path, UriKind.Relative), new { samples = 200, features = 5, seed = 1 });
        var data = JsonDocument.Parse(await generated.Content.ReadAsStringAsync()).RootElement;

        using var fit = await client.PostAsJsonAsync(new Uri("/api/v1/logistic-regression/fit", UriKind.Relative), new
        {
            features = data.GetProperty("features"),
            labels = data.GetProperty("labels"),
        });

        Assert.Equal(HttpStatusCode.OK, fit.StatusCode);
    }
}
