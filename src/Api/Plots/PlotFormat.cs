namespace SigmoidService.Api.Plots;

/// <summary>The representations an endpoint with a plot renderer can respond with.</summary>
public enum PlotFormat
{
    Json,
    Svg,
    Png,
}
