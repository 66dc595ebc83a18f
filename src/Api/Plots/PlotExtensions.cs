using Microsoft.Extensions.Options;
using SigmoidService.Api.Plots.Renderers;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SigmoidService.Api.Plots;

/// <summary>Registers the plot renderers and adds plot responses to the endpoints that have a renderer.</summary>
public static class PlotExtensions
{
    private static readonly JsonOnlyEndpointFilter JsonOnly = new();

    public static IServiceCollection AddPlots(this IServiceCollection services)
    {
        services.AddOptions<PlotOptions>()
            .BindConfiguration(PlotOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<PlotRendererRegistry>();
        services.AddSingleton<PlotImageService>();
        services.Configure<SwaggerGenOptions>(options => options.OperationFilter<PlotOpenApiOperationFilter>());

        PlotRenderers.AddAll(services);
        return services;
    }

    /// <summary>
    /// Adds <see cref="PlotEndpointFilter"/> to each endpoint of the group whose handler declares an
    /// <c>Ok&lt;T&gt;</c> with a registered renderer, and <see cref="JsonOnlyEndpointFilter"/> to the others,
    /// so that they refuse a request for an image with 406 instead of answering JSON.
    /// </summary>
    public static TBuilder WithPlots<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((context, next) =>
        {
            var services = context.ApplicationServices;
            var renderer = services.GetRequiredService<PlotRendererRegistry>().ForHandlerReturnType(context.MethodInfo.ReturnType);
            if (renderer is null)
            {
                return invocation => JsonOnly.InvokeAsync(invocation, next);
            }

            var filter = new PlotEndpointFilter(
                renderer,
                services.GetRequiredService<PlotImageService>(),
                services.GetRequiredService<IOptions<PlotOptions>>());
            return invocation => filter.InvokeAsync(invocation, next);
        });
}
