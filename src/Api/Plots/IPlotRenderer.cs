using ScottPlot;

namespace SigmoidService.Api.Plots;

/// <summary>
/// Draws one endpoint response type onto a ScottPlot <see cref="Plot"/>. An endpoint whose successful result
/// is <c>Ok&lt;T&gt;</c> with a registered renderer for <c>T</c> responds with an SVG or PNG on request.
/// </summary>
public interface IPlotRenderer
{
    /// <summary>The response type this renderer draws.</summary>
    Type ResponseType { get; }

    /// <summary>Draws <paramref name="response"/>, an instance of <see cref="ResponseType"/>, with title, axes labels and legend.</summary>
    void Draw(Plot plot, object response);
}
