using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace SigmoidService.Api.Infrastructure;

/// <summary>
/// Writes every problem as <c>application/problem+json</c>, whatever media types the request's Accept header lists.
/// The framework's own writer stays silent unless the client accepts JSON, so a client that asked for a
/// PNG plot would get an empty 400 with no hint of what was wrong.
/// </summary>
public sealed class ProblemJsonWriter(
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> jsonOptions,
    IOptions<ProblemDetailsOptions> problemOptions) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var response = context.HttpContext.Response;
        var problem = context.ProblemDetails;

        // The framework's writer applies the defaults and the customisation itself, so this one must too.
        problem.Status ??= response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);

        // The runtime type keeps the errors map of a validation problem in the output.
        var body = JsonSerializer.SerializeToUtf8Bytes(problem, problem.GetType(), jsonOptions.Value.SerializerOptions);
        response.ContentType = "application/problem+json";
        return new ValueTask(response.Body.WriteAsync(body, context.HttpContext.RequestAborted).AsTask());
    }
}
