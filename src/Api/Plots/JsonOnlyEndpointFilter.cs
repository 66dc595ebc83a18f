namespace SigmoidService.Api.Plots;

/// <summary>
/// Returns 406 when a request to an endpoint that cannot draw its response accepts only an image, by
/// <c>?format=svg|png</c> or by an <c>Accept</c> header that allows images and not JSON, instead of
/// silently returning JSON. <c>?format=json</c> and every other request pass through unchanged.
/// </summary>
public sealed class JsonOnlyEndpointFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        PlotNegotiation.AsksOnlyForImage(context.HttpContext.Request)
            ? ValueTask.FromResult<object?>(TypedResults.Problem(
                statusCode: StatusCodes.Status406NotAcceptable,
                title: "Not acceptable",
                detail: "This endpoint answers with application/json only; it has no SVG or PNG plot. Ask for JSON or leave out format."))
            : next(context);
}
