using Microsoft.Extensions.Options;

namespace SigmoidService.Api.Plots;

/// <summary>
/// Renders an endpoint's successful result as a plot when the request asks for SVG or PNG. It is added
/// only to endpoints whose handler declares an <c>Ok&lt;T&gt;</c> with a registered renderer for <c>T</c>;
/// errors from the handler and JSON requests pass through unchanged.
/// </summary>
public sealed class PlotEndpointFilter(IPlotRenderer renderer, PlotImageService images, IOptions<PlotOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.Headers.Append("Vary", "Accept");

        var plot = PlotNegotiation.Negotiate(http.Request, options.Value, out var problem);
        if (plot is null)
        {
            return problem;
        }

        var result = await WithoutPlotParametersAsync(context, next);
        if (!plot.IsImage || SuccessValue(result) is not { } value || !renderer.ResponseType.IsInstanceOfType(value))
        {
            return result;
        }

        var image = images.GetOrRender(http.Request, plot, renderer, value);
        return TypedResults.Bytes(image, plot.ContentType);
    }

    /// <summary>
    /// Runs the handler with a query that lacks format, width and height. They belong to this filter, and a
    /// handler that reads every query key (an activation's parameters) would otherwise reject them as unknown.
    /// Parameters bound with [FromQuery] are bound before filters run, so they are not affected.
    /// </summary>
    private static async ValueTask<object?> WithoutPlotParametersAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var original = request.Query;
        if (!original.Keys.Any(PlotNegotiation.IsPlotParameter))
        {
            return await next(context);
        }

        request.Query = new QueryCollection(original
            .Where(pair => !PlotNegotiation.IsPlotParameter(pair.Key))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase));
        try
        {
            return await next(context);
        }
        finally
        {
            request.Query = original;
        }
    }

    private static object? SuccessValue(object? result)
    {
        if (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } and IValueHttpResult { Value: { } value }
            ? value
            : null;
    }
}
