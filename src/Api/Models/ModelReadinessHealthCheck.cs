using Microsoft.Extensions.Diagnostics.HealthChecks;
using SigmoidService.Inference.Models;

namespace SigmoidService.Api.Models;

/// <summary>Healthy once every model is loaded and warmed up; unhealthy (503) before.</summary>
public sealed class ModelReadinessHealthCheck(ModelRepository repository) : IHealthCheck
{
    public const string Name = "models";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var states = string.Join(", ", repository.States
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => $"{pair.Key}: {pair.Value.ToString().ToLowerInvariant()}"));

        return Task.FromResult(repository.IsReady
            ? HealthCheckResult.Healthy(states)
            : HealthCheckResult.Unhealthy($"The models are not warmed up yet ({states})."));
    }
}
