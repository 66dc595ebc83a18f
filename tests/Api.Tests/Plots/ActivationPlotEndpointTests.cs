using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SigmoidService.Api.Plots.Renderers;

namespace SigmoidService.Api.Tests.Plots;

/// <summary>The activation curve and comparison endpoints as plots.</summary>
public sealed class ActivationPlotEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Curve_ParametersWithPlotSize_DrawsParameters()
    {
        using var client = factory.CreateClient();

        // width and height belong to the plot, so the curve must not read them as activation parameters.
        using var response = await client.GetAsync(new Uri(
            "/api/v1/activations/leaky-relu/curve?from=-4&to=4&points=81&alpha=0.1&format=svg&width=640&height=400", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var texts = PlotAssertions.SvgTexts(await response.Content.ReadAsByteArrayAsync());
        PlotAssertions.ContainsText(texts, "leaky-relu (alpha = 0.1) and its derivative");
        PlotAssertions.ContainsText(texts, "leaky-relu′(x), the derivative");
    }

    [Fact]
    public async Task Curve_AcceptPng_ReturnsPng()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/activations/sigmoid/curve?from=-8&to=8&points=161", UriKind.Relative));
        request.Headers.Add("Accept", "image/png");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var png = await response.Content.ReadAsByteArrayAsync();
        PlotAssertions.IsPng(png, 800, 500);
        PlotAssertions.HasTitleInk(png);
        PlotAssertions.Save(png, "endpoint-activation-curve.png");
    }

    [Fact]
    public async Task Compare_FormatPng_ReturnsPng()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(
            "/api/v1/activations/compare?names=sigmoid,tanh,relu,gelu,softplus&from=-4&to=4&points=161&format=png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var png = await response.Content.ReadAsByteArrayAsync();
        PlotAssertions.IsPng(png, 800, 500);
        PlotAssertions.Save(png, "endpoint-activation-compare.png");
    }

    [Fact]
    public async Task Compare_AcceptSvg_NamesEveryActivation()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/activations/compare?names=sigmoid,softsign,mish", UriKind.Relative));
        request.Headers.Add("Accept", "image/svg+xml");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var texts = PlotAssertions.SvgTexts(await response.Content.ReadAsByteArrayAsync());
        PlotAssertions.ContainsText(texts, "Activations compared: sigmoid, softsign, mish");
        PlotAssertions.ContainsText(texts, "softsign");
        PlotAssertions.ContainsText(texts, "mish");
    }

    [Fact]
    public async Task Compare_EveryActivation_FitsTitleAndLegendInImage()
    {
        using var client = factory.CreateClient();

        using var svgResponse = await client.GetAsync(new Uri($"/api/v1/activations/compare?names={AllNames}&format=svg", UriKind.Relative));
        using var pngResponse = await client.GetAsync(new Uri($"/api/v1/activations/compare?names={AllNames}&format=png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, svgResponse.StatusCode);
        var texts = PlotAssertions.SvgTexts(await svgResponse.Content.ReadAsByteArrayAsync());
        PlotAssertions.ContainsText(texts, "15 activations compared");
        foreach (var name in AllNames.Split(','))
        {
            Assert.Contains(name, texts);
        }

        var png = await pngResponse.Content.ReadAsByteArrayAsync();
        PlotAssertions.IsPng(png, 800, 500);
        PlotAssertions.Save(png, "endpoint-activation-compare-all.png");
        PlotAssertions.HasBlankBorder(png);
    }

    [Fact]
    public void ComparisonColours_FifteenCurves_AreAllDistinct()
    {
        var palette = ActivationComparisonPlotRenderer.ColoursFor(15);

        var colours = Enumerable.Range(0, 15).Select(palette.GetColor).Distinct().Count();

        Assert.Equal(15, colours);
    }

    /// <summary>Every activation that accepts the grid -10 to 10; logit lives on [0, 1] only.</summary>
    private const string AllNames =
        "sigmoid,log-sigmoid,tanh,relu,leaky-relu,elu,selu,gelu,silu,softplus,softsign,hard-sigmoid,hard-swish,mish,scaled-sigmoid";

    [Fact]
    public async Task Curve_UnknownActivationAsPng_Returns404Problem()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/v1/activations/no-such/curve?format=png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Catalogue_AcceptPng_Returns406Problem()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/activations", UriKind.Relative));
        request.Headers.Add("Accept", "image/png");

        using var response = await client.SendAsync(request);

        // The catalogue has no renderer, so it refuses a request that accepts only an image.
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
