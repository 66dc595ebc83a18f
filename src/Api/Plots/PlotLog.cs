namespace SigmoidService.Api.Plots;

/// <summary>Source-generated log messages of plot rendering.</summary>
internal static partial class PlotLog
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Information,
        Message = "Rendered a {Format} plot of {ResponseType} at {Width}x{Height} in {ElapsedMs:0.0} ms ({Bytes} bytes)")]
    public static partial void Rendered(ILogger logger, PlotFormat format, string responseType, int width, int height, double elapsedMs, int bytes);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Debug, Message = "Served a cached {Format} plot for {Path}")]
    public static partial void CacheHit(ILogger logger, PlotFormat format, string path);
}
