using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SigmoidService.Api.Tests.Plots;

/// <summary>The VAE decoder's digits as a grid, through the real model.</summary>
public sealed class GeneratedDigitsPlotEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Generate_FormatPng_ReturnsDigitGrid()
    {
        using var client = factory.CreateClient();
        using var content = new StringContent("""{"count": 12, "seed": 3}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/api/v1/models/mnist-vae-decoder/generate?format=png", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        PlotAssertions.IsPng(png, 800, 500);
        PlotAssertions.HasTitleInk(png);
        PlotAssertions.Save(png, "endpoint-generate.png");
    }

    [Fact]
    public async Task Generate_AcceptSvg_NamesModelAndSeed()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/models/mnist-vae-decoder/generate", UriKind.Relative))
        {
            Content = new StringContent("""{"count": 4, "seed": 9}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Accept", "image/svg+xml");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var texts = PlotAssertions.SvgTexts(await response.Content.ReadAsByteArrayAsync());
        PlotAssertions.ContainsText(texts, "mnist-vae-decoder: 4 digits from seed 9");
    }
}
