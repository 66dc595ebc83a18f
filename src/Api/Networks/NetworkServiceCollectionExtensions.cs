namespace SigmoidService.Api.Networks;

/// <summary>Registers what the network, policy and formula endpoints need.</summary>
public static class NetworkServiceCollectionExtensions
{
    /// <summary>Binds and validates <see cref="NetworkLimitsOptions"/> at start-up.</summary>
    public static IServiceCollection AddNetworkLimits(this IServiceCollection services)
    {
        services.AddOptions<NetworkLimitsOptions>()
            .BindConfiguration(NetworkLimitsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
