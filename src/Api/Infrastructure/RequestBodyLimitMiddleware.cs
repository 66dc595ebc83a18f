using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace SigmoidService.Api.Infrastructure;

/// <summary>
/// Enforces the body size limit of each request: the endpoint's own <see cref="IRequestSizeLimitMetadata"/>
/// where it declares one (uploads), the JSON body limit otherwise. A declared Content-Length over the limit
/// is rejected before any byte is read; a chunked body is cut off by the server's body-size feature.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<ServiceLimitsOptions> limits)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? limits.Value.MaxJsonBodyBytes;

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength is { } length && length > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request too large",
                    Detail = $"The request body has {length} bytes, more than the limit of {limit} bytes.",
                },
            });
            return;
        }

        await next(context);
    }
}
