namespace SigmoidService.Api.Activations;

/// <summary>Registers the services of the activation endpoints.</summary>
public static class ActivationServiceCollectionExtensions
{
    public static IServiceCollection AddActivations(this IServiceCollection services) =>
        services.AddSingleton<ActivationCurveService>();
}
