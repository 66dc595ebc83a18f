using ScottPlot;
using SigmoidService.Api.Activations;

namespace SigmoidService.Api.Plots.Renderers;

/// <summary>Draws several activations on one grid: values as solid lines, derivatives dashed in the same colour.</summary>
public sealed class ActivationComparisonPlotRenderer : PlotRenderer<ActivationComparisonResponse>
{
    private const int MaxNamesInTitle = 5;

    protected override void Draw(Plot plot, ActivationComparisonResponse response)
    {
        for (var index = 0; index < response.Series.Count; index++)
        {
            var series = response.Series[index];
            var color = PlotStyle.Palette.GetColor(index);

            var (valueX, valueY) = PlotStyle.Finite(response.X, series.Values);
            PlotStyle.Line(plot, valueX, valueY, $"{series.Activation}(x)").Color = color;

            var (derivativeX, derivativeY) = PlotStyle.Finite(response.X, series.Derivatives);
            var derivative = PlotStyle.Line(plot, derivativeX, derivativeY, $"{series.Activation}′(x)", LinePattern.Dashed);
            derivative.Color = color;
            derivative.LineWidth = 1.5f;
        }

        PlotStyle.FocusOnBulk(plot, response.Series.SelectMany(series => new[] { series.Values, series.Derivatives }));
        var zero = plot.Add.HorizontalLine(0, 1, Colors.Gray);
        zero.ExcludeFromLegend = true;

        var names = string.Join(", ", response.Series.Take(MaxNamesInTitle).Select(series => series.Activation));
        if (response.Series.Count > MaxNamesInTitle)
        {
            names += $" and {response.Series.Count - MaxNamesInTitle} more";
        }

        PlotStyle.Label(plot, $"Activations compared: {names}", "x", "y (solid: value, dashed: derivative)");
        plot.ShowLegend(Edge.Right);
    }
}
