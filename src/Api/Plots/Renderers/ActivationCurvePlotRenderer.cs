using System.Globalization;
using ScottPlot;
using SigmoidService.Api.Activations;

namespace SigmoidService.Api.Plots.Renderers;

/// <summary>Draws one activation's curve with its derivative.</summary>
public sealed class ActivationCurvePlotRenderer : PlotRenderer<ActivationCurveResponse>
{
    protected override void Draw(Plot plot, ActivationCurveResponse response)
    {
        var name = response.Activation;

        var (valueX, valueY) = PlotStyle.Finite(response.X, response.Values);
        PlotStyle.Line(plot, valueX, valueY, $"{name}(x)");

        var (derivativeX, derivativeY) = PlotStyle.Finite(response.X, response.Derivatives);
        PlotStyle.Line(plot, derivativeX, derivativeY, $"{name}′(x), the derivative", LinePattern.Dashed);

        PlotStyle.FocusOnBulk(plot, [response.Values, response.Derivatives]);
        var zero = plot.Add.HorizontalLine(0, 1, Colors.Gray);
        zero.ExcludeFromLegend = true;

        PlotStyle.Label(plot, $"{name}{DescribeParameters(response.Parameters)} and its derivative", "x", "y");
        PlotStyle.ShowLegend(plot, Alignment.UpperLeft);
    }

    /// <summary>Writes the parameters as " (alpha = 0.01)", or nothing for an activation without any.</summary>
    internal static string DescribeParameters(IReadOnlyDictionary<string, double> parameters)
    {
        if (parameters.Count == 0)
        {
            return string.Empty;
        }

        var pairs = parameters.Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key} = {pair.Value:G6}"));
        return $" ({string.Join(", ", pairs)})";
    }
}
