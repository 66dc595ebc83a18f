using Microsoft.AspNetCore.Http.HttpResults;

namespace SigmoidService.Api.OpenInference;

/// <summary>
/// Logs every request an Open Inference Protocol endpoint rejects, at Information, with the status and the
/// error message but never the request body.
/// </summary>
public sealed partial class OpenInferenceRejectionFilter(ILogger<OpenInferenceRejectionFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var error = result switch
        {
            JsonHttpResult<OpenInferenceError> json => json,
            INestedHttpResult { Result: JsonHttpResult<OpenInferenceError> json } => json,
            _ => null,
        };

        if (error is { Value: { } body } && logger.IsEnabled(LogLevel.Information))
        {
            var request = context.HttpContext.Request;
            LogRejected(logger, request.Method, request.Path.Value ?? string.Empty, error.StatusCode, body.Error);
        }

        return result;
    }

    [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "Rejected {Method} {Path} with {StatusCode}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string method, string path, int? statusCode, string reason);
}
