using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SigmoidService.Api.Plots;

namespace SigmoidService.Api.Tests.Plots;

public sealed class PlotNegotiationTests
{
    private static readonly PlotOptions Options = new();

    [Theory]
    [InlineData(null, PlotFormat.Json)]
    [InlineData("", PlotFormat.Json)]
    [InlineData("*/*", PlotFormat.Json)]
    [InlineData("application/json", PlotFormat.Json)]
    [InlineData("application/*", PlotFormat.Json)]
    [InlineData("image/svg+xml", PlotFormat.Svg)]
    [InlineData("image/png", PlotFormat.Png)]
    [InlineData("IMAGE/PNG", PlotFormat.Png)]
    [InlineData("image/png, */*", PlotFormat.Png)]
    [InlineData("image/png;q=0.5, image/svg+xml;q=0.9", PlotFormat.Svg)]
    [InlineData("application/json;q=0.2, image/png", PlotFormat.Png)]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8", PlotFormat.Json)]
    [InlineData("image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8", PlotFormat.Svg)]
    [InlineData("text/csv, image/png;q=0.1", PlotFormat.Png)]
    public void Negotiate_AcceptHeader_PicksFormat(string? accept, PlotFormat expected)
    {
        var request = Request(accept: accept);

        var plot = PlotNegotiation.Negotiate(request, Options, out var problem);

        Assert.Null(problem);
        Assert.NotNull(plot);
        Assert.Equal(expected, plot.Format);
    }

    [Theory]
    [InlineData("json", PlotFormat.Json)]
    [InlineData("svg", PlotFormat.Svg)]
    [InlineData("PNG", PlotFormat.Png)]
    public void Negotiate_FormatQuery_WinsOverAccept(string format, PlotFormat expected)
    {
        var request = Request(accept: "text/csv", query: $"?format={format}");

        var plot = PlotNegotiation.Negotiate(request, Options, out var problem);

        Assert.Null(problem);
        Assert.Equal(expected, plot!.Format);
    }

    [Theory]
    [InlineData("text/csv")]
    [InlineData("image/jpeg, text/plain")]
    [InlineData("image/png;q=0, application/json;q=0")]
    public void Negotiate_NothingAcceptable_Returns406(string accept)
    {
        var plot = PlotNegotiation.Negotiate(Request(accept: accept), Options, out var problem);

        Assert.Null(plot);
        var result = Assert.IsType<ProblemHttpResult>(problem);
        Assert.Equal(StatusCodes.Status406NotAcceptable, result.StatusCode);
        Assert.Contains("image/png", result.ProblemDetails.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("image")]
    [InlineData("image/png; q")]
    [InlineData("/png")]
    [InlineData("image/png;q=abc")]
    [InlineData("image/png;q=1.5")]
    [InlineData("image/png;q=-1")]
    public void Negotiate_MalformedAccept_Returns400(string accept)
    {
        var plot = PlotNegotiation.Negotiate(Request(accept: accept), Options, out var problem);

        Assert.Null(plot);
        var result = Assert.IsType<ProblemHttpResult>(problem);
        Assert.Equal(StatusCodes.Status400BadRequest, result.StatusCode);
        Assert.Equal("Malformed Accept header", result.ProblemDetails.Title);
    }

    [Theory]
    [InlineData("?format=gif")]
    [InlineData("?format=")]
    [InlineData("?format=svg&format=png")]
    public void Negotiate_BadFormatQuery_Returns400NamingFormat(string query)
    {
        var plot = PlotNegotiation.Negotiate(Request(query: query), Options, out var problem);

        Assert.Null(plot);
        var result = Assert.IsType<ValidationProblem>(problem);
        Assert.Equal(StatusCodes.Status400BadRequest, result.StatusCode);
        Assert.True(result.ProblemDetails.Errors.ContainsKey("format"));
    }

    [Fact]
    public void Negotiate_NoSize_UsesDefaults()
    {
        var plot = PlotNegotiation.Negotiate(Request(query: "?format=png"), Options, out _);

        Assert.Equal(800, plot!.Width);
        Assert.Equal(500, plot.Height);
    }

    [Fact]
    public void Negotiate_SizeInRange_IsUsed()
    {
        var plot = PlotNegotiation.Negotiate(Request(query: "?format=png&width=640&height=480"), Options, out _);

        Assert.Equal(640, plot!.Width);
        Assert.Equal(480, plot.Height);
    }

    [Fact]
    public void Negotiate_SmallestReadableSize_IsUsed()
    {
        var plot = PlotNegotiation.Negotiate(Request(query: "?format=png&width=320&height=200"), Options, out var problem);

        Assert.Null(problem);
        Assert.Equal(320, plot!.Width);
        Assert.Equal(200, plot.Height);
    }

    [Fact]
    public void Negotiate_WidthBelowMinimum_NamesTheBounds()
    {
        PlotNegotiation.Negotiate(Request(query: "?format=png&width=100"), Options, out var problem);

        var result = Assert.IsType<ValidationProblem>(problem);
        Assert.Contains("from 320 to 4000", result.ProblemDetails.Errors["width"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 200)]
    [InlineData(320, 16)]
    public void Options_MinimumBelowReadable_FailsValidation(int minWidth, int minHeight)
    {
        var options = new PlotOptions { MinWidth = minWidth, MinHeight = minHeight };

        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(
            options, new System.ComponentModel.DataAnnotations.ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains(results, result => result.MemberNames.Contains(minWidth < 320 ? nameof(PlotOptions.MinWidth) : nameof(PlotOptions.MinHeight)));
    }

    [Theory]
    [InlineData("width=319", "width")]
    [InlineData("height=199", "height")]
    [InlineData("width=100&height=300", "width")]
    [InlineData("width=4001", "width")]
    [InlineData("height=-5", "height")]
    [InlineData("height=1e3", "height")]
    [InlineData("width=abc", "width")]
    [InlineData("width=800&width=600", "width")]
    [InlineData("height=99999999999999999999", "height")]
    public void Negotiate_SizeOutOfRange_Returns400NamingField(string size, string field)
    {
        var plot = PlotNegotiation.Negotiate(Request(query: $"?format=svg&{size}"), Options, out var problem);

        Assert.Null(plot);
        var result = Assert.IsType<ValidationProblem>(problem);
        Assert.True(result.ProblemDetails.Errors.ContainsKey(field));
    }

    [Fact]
    public void Negotiate_JsonWithBadSize_IgnoresSize()
    {
        var plot = PlotNegotiation.Negotiate(Request(query: "?width=abc"), Options, out var problem);

        Assert.Null(problem);
        Assert.Equal(PlotFormat.Json, plot!.Format);
    }

    private static HttpRequest Request(string? accept = null, string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        if (accept is not null)
        {
            context.Request.Headers.Accept = accept;
        }

        return context.Request;
    }
}
