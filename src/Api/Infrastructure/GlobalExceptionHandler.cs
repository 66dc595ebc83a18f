using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SigmoidService.Domain.Common;

namespace SigmoidService.Api.Infrastructure;

/// <summary>
/// Maps every exception that escapes an endpoint to problem+json: malformed requests and domain input
/// errors to 4xx naming the field, anything else to a 500 whose details stay in the log.
/// </summary>
public sealed partial class GlobalExceptionHandler(
    IProblemDetailsService problemDetails,
    ILogger<GlobalExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            Log.RequestCancelled(logger, context.Request.Method, context.Request.Path.Value ?? string.Empty);
            return true;
        }

        var problem = Describe(exception);
        if (problem.Status >= 500)
        {
            Log.UnhandledException(logger, exception, context.Request.Method, context.Request.Path.Value ?? string.Empty,
                CurrentTraceId(context));
        }
        else if (logger.IsEnabled(LogLevel.Information))
        {
            Log.RequestRejected(logger, context.Request.Method, context.Request.Path.Value ?? string.Empty,
                problem.Status, Reason(problem));
        }

        if (context.Response.HasStarted)
        {
            return true;
        }

        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static string CurrentTraceId(HttpContext context) =>
        Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;

    private static ProblemDetails Describe(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => DescribeJson(json),
        BadHttpRequestException bad => DescribeBadRequest(bad),
        InvalidInputException invalid => Validation(
            string.IsNullOrEmpty(invalid.Field) ? "request" : invalid.Field, invalid.Message),
        UnprocessableInputException unprocessable => new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Input cannot be processed",
            Detail = unprocessable.Message,
        },
        _ => new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "Internal server error",
            Detail = "The server failed to process the request. The trace id identifies it in the service log.",
        },
    };

    private static HttpValidationProblemDetails Validation(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid request",
            Detail = message,
        };

    private static HttpValidationProblemDetails DescribeJson(JsonException json)
    {
        var field = JsonPathToField(json.Path);
        var position = json.LineNumber is { } line
            ? $" (line {line + 1}, byte {json.BytePositionInLine + 1})"
            : string.Empty;

        var conversion = ConversionPattern().Match(json.Message);
        var message = json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal)
            ? "Unknown field."
            : json.Message.Contains("missing required properties", StringComparison.Ordinal)
                ? "A required field is missing."
                : json.Path is null
                    ? $"The body is not valid JSON{position}."
                    : conversion.Success
                        ? $"The value must be {ExpectedValue(conversion.Groups["type"].Value)}{position}."
                        : $"The value is not valid JSON or has the wrong type for this field{position}.";

        return Validation(field, message);
    }

    private static ProblemDetails DescribeBadRequest(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request too large",
                Detail = "The request body is larger than the configured limit.",
            };
        }

        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = "Unsupported media type",
                Detail = "The Content-Type is not supported here; send application/json.",
            };
        }

        var binding = FailedBindingPattern().Match(bad.Message);
        if (binding.Success)
        {
            return Validation(binding.Groups["name"].Value,
                $"'{binding.Groups["value"].Value}' is not valid here: the value must be {ExpectedValue(binding.Groups["type"].Value)}.");
        }

        var missing = MissingParameterPattern().Match(bad.Message);
        if (missing.Success)
        {
            return Validation(missing.Groups["name"].Value, "The parameter is required.");
        }

        if (bad.Message.Contains("no body was provided", StringComparison.Ordinal)
            || bad.Message.Contains("body was not provided", StringComparison.Ordinal))
        {
            return Validation("body", "The request body is required.");
        }

        return new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = "Bad request",
            Detail = "The request is malformed.",
        };
    }

    /// <summary>Turns System.Text.Json's <c>$.features[1][0]</c> into the field name <c>features[1][0]</c>.</summary>
    internal static string JsonPathToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? "body" : field;
    }

    /// <summary>
    /// Describes in plain words what a .NET type accepts, from the type name in a System.Text.Json or
    /// parameter-binding message: "a number" for System.Double, the allowed names for an enum, and so on.
    /// </summary>
    internal static string ExpectedValue(string typeName)
    {
        var name = NullablePattern().Match(typeName) is { Success: true } nullable ? nullable.Groups["inner"].Value : typeName;
        if (name.EndsWith("[]", StringComparison.Ordinal) || name.Contains("List`1", StringComparison.Ordinal)
            || name.Contains("IReadOnlyList`1", StringComparison.Ordinal))
        {
            return "an array";
        }

        switch (name.ToLowerInvariant())
        {
            case "system.double" or "double" or "system.single" or "single" or "float":
                return "a number (or the string \"Infinity\" or \"-Infinity\" where the field allows it)";
            case "system.int32" or "int32" or "int" or "system.int64" or "int64" or "long":
                return "a whole number";
            case "system.boolean" or "boolean" or "bool":
                return "true or false";
            case "system.string" or "string":
                return "a string";
        }

        var type = FindType(name);
        if (type is { IsEnum: true })
        {
            var names = Enum.GetNames(type).Select(value => $"\"{JsonNamingPolicy.CamelCase.ConvertName(value)}\"");
            return $"one of {string.Join(", ", names)}";
        }

        return type is { IsClass: true } && type != typeof(string) ? "a JSON object" : "a value of the documented type";
    }

    private static Type? FindType(string fullName) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(assembly => assembly.GetName().Name?.StartsWith("SigmoidService", StringComparison.Ordinal) == true)
            .Select(assembly => assembly.GetType(fullName, throwOnError: false))
            .FirstOrDefault(type => type is not null);

    private static string Reason(ProblemDetails problem) =>
        problem is HttpValidationProblemDetails validation && validation.Errors.Count > 0
            ? string.Join("; ", validation.Errors.Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}"))
            : problem.Detail ?? problem.Title ?? "unknown";

    // The framework's parameter-binding message: Failed to bind parameter "double from" from "abc".
    [GeneratedRegex("""Failed to bind parameter "(?<type>[^"\s]+) (?<name>[^"\s]+)" from "(?<value>[^"]*)"\.""")]
    private static partial Regex FailedBindingPattern();

    // System.Text.Json's message: The JSON value could not be converted to System.Double. Path: $.x[0] | ...
    [GeneratedRegex(@"could not be converted to (?<type>[^\s]+)\. Path")]
    private static partial Regex ConversionPattern();

    [GeneratedRegex(@"^(System\.)?Nullable(`1\[|<)(?<inner>[^\]>]+)[\]>]$", RegexOptions.IgnoreCase)]
    private static partial Regex NullablePattern();

    // The framework's message for a missing required query parameter.
    [GeneratedRegex("""Required parameter "(?<type>[^"\s]+) (?<name>[^"\s]+)" was not provided""")]
    private static partial Regex MissingParameterPattern();
}
