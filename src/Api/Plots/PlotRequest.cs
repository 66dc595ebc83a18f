namespace SigmoidService.Api.Plots;

/// <summary>The representation a request asked for, with the image size when it is a plot.</summary>
public sealed record PlotRequest(PlotFormat Format, int Width, int Height)
{
    public bool IsImage => Format != PlotFormat.Json;

    public string ContentType => Format switch
    {
        PlotFormat.Svg => "image/svg+xml",
        PlotFormat.Png => "image/png",
        _ => "application/json",
    };
}
