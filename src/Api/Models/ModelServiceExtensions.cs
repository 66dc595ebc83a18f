using SigmoidService.Api.Health;
using SigmoidService.Inference;

namespace SigmoidService.Api.Models;

/// <summary>Registers the model repository, its start-up loading and its readiness check.</summary>
public static class ModelServiceExtensions
{
    public static IServiceCollection AddModels(this IServiceCollection services)
    {
        services.AddModelInference();
        services.AddHealthChecks()
            .AddCheck<ModelReadinessHealthCheck>(ModelReadinessHealthCheck.Name, tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
