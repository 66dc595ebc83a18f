namespace SigmoidService.Api.Plots.Renderers;

/// <summary>The list of renderers, one per response type that the service can draw.</summary>
internal static class PlotRenderers
{
    public static void AddAll(IServiceCollection services)
    {
        services.AddSingleton<IPlotRenderer, ActivationCurvePlotRenderer>();
        services.AddSingleton<IPlotRenderer, ActivationComparisonPlotRenderer>();
        services.AddSingleton<IPlotRenderer, DecisionBoundaryPlotRenderer>();
        services.AddSingleton<IPlotRenderer, GeneratedDigitsPlotRenderer>();
        services.AddSingleton<IPlotRenderer, LogisticCurvePlotRenderer>();
        services.AddSingleton<IPlotRenderer, ReinforcePlotRenderer>();
        services.AddSingleton<IPlotRenderer, VanishingGradientPlotRenderer>();
    }
}
