using System.Text.Json;
using System.Text.Json.Serialization;
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

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = GlobalExceptionHandler.CurrentTraceId(context.HttpContext);
            context.ProblemDetails.Type ??= TypeFor(context.ProblemDetails.Status);
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
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms (trace {TraceId})";
            options.EnrichDiagnosticContext = (diagnostics, context) =>
                diagnostics.Set("TraceId", GlobalExceptionHandler.CurrentTraceId(context));
        });
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        return app;
    }

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
