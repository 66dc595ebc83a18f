using ScottPlot;
using SigmoidService.Domain.Networks;

namespace SigmoidService.Api.Plots.Renderers;

/// <summary>Draws a neuron's output over the plane as a heat map, with the 0.5 boundary as a line.</summary>
public sealed class DecisionBoundaryPlotRenderer : PlotRenderer<DecisionBoundaryResult>
{
    protected override void Draw(Plot plot, DecisionBoundaryResult response)
    {
        var rows = response.Y.Length;
        var columns = response.X.Length;
        var intensities = new double[rows, columns];
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                // Heatmap rows run from the top of the image down, while Y ascends, so the rows are reversed.
                intensities[rows - 1 - row, column] = response.Probabilities[row][column];
            }
        }

        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = new ScottPlot.Colormaps.Balance();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        heatmap.Smooth = true;
        heatmap.Extent = new CoordinateRect(
            HalfCellOutside(response.X, first: true), HalfCellOutside(response.X, first: false),
            HalfCellOutside(response.Y, first: true), HalfCellOutside(response.Y, first: false));

        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "P(output = 1) = sigmoid(w1 x + w2 y + b)";
        colorBar.LabelStyle.FontSize = 14;

        if (response.Boundary is { Start: { } start, End: { } end })
        {
            var line = plot.Add.Line(start.X, start.Y, end.X, end.Y);
            line.LineWidth = 3;
            line.LineColor = Colors.Black;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = Describe(response.Boundary);
        }

        plot.Axes.SetLimits(heatmap.Extent.Value.Left, heatmap.Extent.Value.Right, heatmap.Extent.Value.Bottom, heatmap.Extent.Value.Top);
        PlotStyle.Label(plot, "Sigmoid neuron: output and decision boundary", "x (input 1)", "y (input 2)");
        PlotStyle.ShowLegend(plot, Alignment.UpperRight);
    }

    private static string Describe(DecisionBoundaryLine boundary) => boundary.Kind switch
    {
        BoundaryKind.Line when boundary is { Slope: { } slope, Intercept: { } intercept } =>
            $"boundary y = {PlotStyle.Linear(slope, intercept)}",
        BoundaryKind.Vertical when boundary.XIntercept is { } x => FormattableString.Invariant($"boundary x = {x:G4}"),
        _ => "boundary",
    };

    /// <summary>The grid's outer edge, half a cell beyond its first or last sample, so cells centre on the samples.</summary>
    private static double HalfCellOutside(double[] axis, bool first)
    {
        var step = axis.Length > 1 ? (axis[^1] - axis[0]) / (axis.Length - 1) : 1;
        return first ? axis[0] - (step / 2) : axis[^1] + (step / 2);
    }
}
