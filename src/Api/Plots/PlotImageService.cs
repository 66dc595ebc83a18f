using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ScottPlot;
using SigmoidService.Api.Infrastructure;

namespace SigmoidService.Api.Plots;

/// <summary>
/// Renders responses to SVG or PNG and keeps the images in the shared memory cache, sized by their bytes
/// and with the sliding expiry of cached curves.
/// </summary>
public sealed class PlotImageService(
    IMemoryCache cache,
    IOptions<CacheOptions> cacheOptions,
    IOptions<JsonOptions> jsonOptions,
    ILogger<PlotImageService> logger)
{
    /// <summary>Returns the plot of <paramref name="response"/>, from the cache when the same request drew it before.</summary>
    public byte[] GetOrRender(HttpRequest request, PlotRequest plot, IPlotRenderer renderer, object response)
    {
        var key = CacheKey(request, plot, response);
        if (cache.TryGetValue(key, out byte[]? cached) && cached is not null)
        {
            PlotLog.CacheHit(logger, plot.Format, request.Path.Value ?? string.Empty);
            return cached;
        }

        var image = Render(plot, renderer, response);
        cache.Set(key, image, new MemoryCacheEntryOptions
        {
            Size = image.Length + (key.Length * sizeof(char)),
            SlidingExpiration = cacheOptions.Value.CurveSlidingExpiration,
        });
        return image;
    }

    /// <summary>Draws and encodes one plot, without the cache.</summary>
    public byte[] Render(PlotRequest plot, IPlotRenderer renderer, object response)
    {
        PlotFonts.EnsureRegistered();
        var started = Stopwatch.GetTimestamp();
        using var drawing = new Plot();
        PlotStyle.ApplyDefaults(drawing);
        renderer.Draw(drawing, response);
        PlotStyle.FitToImage(drawing, plot.Width, plot.Height);

        var bytes = plot.Format switch
        {
            PlotFormat.Svg => Encoding.UTF8.GetBytes(drawing.GetSvgXml(plot.Width, plot.Height)),
            PlotFormat.Png => drawing.GetImageBytes(plot.Width, plot.Height, ImageFormat.Png),
            _ => throw new ArgumentOutOfRangeException(nameof(plot), plot.Format, "Only SVG and PNG are drawn."),
        };

        PlotLog.Rendered(logger, plot.Format, renderer.ResponseType.Name, plot.Width, plot.Height,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, bytes.Length);
        return bytes;
    }

    /// <summary>
    /// A GET is keyed by its path and its query (parameter names case-folded and sorted, as binding ignores
    /// their case and order), since they determine the response. A POST's response
    /// depends on its body, so its key adds a SHA-256 of the response drawn.
    /// </summary>
    internal string CacheKey(HttpRequest request, PlotRequest plot, object response)
    {
        var key = new StringBuilder("plot|")
            .Append(plot.Format).Append('|').Append(plot.Width).Append('x').Append(plot.Height).Append('|')
            .Append(request.Method).Append(' ').Append(request.Path.Value).Append('?');

        foreach (var (name, values) in request.Query
            .Where(pair => !PlotNegotiation.IsPlotParameter(pair.Key))
            .OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase))
        {
            foreach (var value in values)
            {
                key.Append(Uri.EscapeDataString(name.ToUpperInvariant())).Append('=').Append(Uri.EscapeDataString(value ?? string.Empty)).Append('&');
            }
        }

        if (!HttpMethods.IsGet(request.Method))
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(response, response.GetType(), jsonOptions.Value.SerializerOptions);
            key.Append('|').Append(response.GetType().FullName).Append('|').Append(Convert.ToHexString(SHA256.HashData(json)));
        }

        return key.ToString();
    }
}
