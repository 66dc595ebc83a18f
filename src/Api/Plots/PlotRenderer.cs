using ScottPlot;

namespace SigmoidService.Api.Plots;

/// <summary>Base class of the renderers: binds <see cref="IPlotRenderer"/> to one response type.</summary>
public abstract class PlotRenderer<TResponse> : IPlotRenderer
    where TResponse : class
{
    public Type ResponseType => typeof(TResponse);

    public void Draw(Plot plot, object response) => Draw(plot, (TResponse)response);

    protected abstract void Draw(Plot plot, TResponse response);
}
