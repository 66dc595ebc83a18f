using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace SigmoidService.Api.Infrastructure;

/// <summary>
/// Logs every request an endpoint rejects with a problem result, at Information, with the reason but
/// never the request body.
/// </summary>
public sealed class RejectionLoggingFilter(ILogger<RejectionLoggingFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);

        var problem = result switch
        {
            ProblemHttpResult p => p.ProblemDetails,
            ValidationProblem v => v.ProblemDetails,
            INestedHttpResult { Result: ProblemHttpResult p } => p.ProblemDetails,
            INestedHttpResult { Result: ValidationProblem v } => v.ProblemDetails,
            _ => null,
        };

        if (problem is not null && logger.IsEnabled(LogLevel.Information))
        {
            var request = context.HttpContext.Request;
            Log.RequestRejected(logger, request.Method, request.Path.Value ?? string.Empty, problem.Status, Describe(problem));
        }

        return result;
    }

    private static string Describe(ProblemDetails problem)
    {
        if (problem is HttpValidationProblemDetails validation && validation.Errors.Count > 0)
        {
            return string.Join("; ", validation.Errors.Take(5)
                .Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}"));
        }

        return problem.Detail ?? problem.Title ?? "no reason given";
    }
}
