using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serilog;

namespace SigmoidService.Api.Infrastructure;

/// <summary>Registers and wires the cross-cutting parts every feature relies on.</summary>
public static class ServiceInfrastructureExtensions
{
    public static IServiceCollection AddServiceInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServiceLimitsOptions>()
            .BindConfiguration(ServiceLimitsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<CacheOptions>()
            .BindConfiguration(CacheOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var cacheSize = configuration.GetSection(CacheOptions.SectionName).Get<CacheOptions>()?.SizeLimitBytes
            ?? new CacheOptions().SizeLimitBytes;
        services.AddMemoryCache(options => options.SizeLimit = cacheSize);

        services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));

        // Malformed bodies and unbindable query values throw, so that GlobalExceptionHandler can answer
        // them with a problem that names the field instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        // Registered before AddProblemDetails so that it comes ahead of the framework's Accept-sensitive writer.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, ProblemJsonWriter>());
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions["traceId"] = GlobalExceptionHandler.CurrentTraceId(context.HttpContext);
            problem.Type ??= TypeFor(problem.Status);
            problem.Detail ??= DetailFor(problem.Status, context.HttpContext.Request);
        });
        services.AddExceptionHandler<GlobalExceptionHandler>();

        return services;
    }

    /// <summary>The JSON conventions of the API: camelCase, named floating-point literals, strict fields.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }

    public static WebApplication UseServiceInfrastructure(this WebApplication app)
    {
        // Request logging wraps the exception handler, so it records the status the client received
        // (a 400 for malformed JSON) rather than the exception passing through on its way to the handler.
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms (trace {TraceId})";
            options.EnrichDiagnosticContext = (diagnostics, context) =>
                diagnostics.Set("TraceId", GlobalExceptionHandler.CurrentTraceId(context));
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        return app;
    }

    /// <summary>A default detail for problems the framework raises without one (unmatched routes and the like).</summary>
    private static string? DetailFor(int? status, HttpRequest request) => status switch
    {
        404 => $"No endpoint matches {request.Method} {request.Path}; the API is listed at /swagger.",
        405 => $"{request.Path} does not accept {request.Method}; see /swagger for the methods it accepts.",
        406 => "None of the media types in the Accept header can be produced here.",
        413 => "The request body is larger than the configured limit.",
        415 => request.ContentType is null
            ? "The request has no Content-Type; send application/json (see /swagger for the media types each endpoint accepts)."
            : $"The Content-Type '{request.ContentType}' is not supported here; send application/json "
                + "(see /swagger for the media types each endpoint accepts).",
        _ => null,
    };

    private static string? TypeFor(int? status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        406 => "https://tools.ietf.org/html/rfc9110#section-15.5.7",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        500 => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        _ => null,
    };
}
