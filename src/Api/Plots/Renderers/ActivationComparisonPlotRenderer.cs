using ScottPlot;
using SigmoidService.Api.Activations;

namespace SigmoidService.Api.Plots.Renderers;

/// <summary>
/// Draws several activations on one grid: values as solid lines, derivatives dashed in the same colour. The
/// legend names each activation once, outside the data area on the right; the y label explains the line styles.
/// </summary>
public sealed class ActivationComparisonPlotRenderer : PlotRenderer<ActivationComparisonResponse>
{
    private const int MaxNamesInTitle = 4;
    private const int MaxTitleLength = 48;

    /// <summary>Twenty-five colours picked to stay apart from each other, for more curves than Category10 has colours.</summary>
    private static readonly IPalette ManyColours = new ScottPlot.Palettes.Tsitsulin();

    protected override void Draw(Plot plot, ActivationComparisonResponse response)
    {
        var palette = ColoursFor(response.Series.Count);
        for (var index = 0; index < response.Series.Count; index++)
        {
            var series = response.Series[index];
            var color = palette.GetColor(index);

            var (valueX, valueY) = PlotStyle.Finite(response.X, series.Values);
            PlotStyle.Line(plot, valueX, valueY, series.Activation).Color = color;

            var (derivativeX, derivativeY) = PlotStyle.Finite(response.X, series.Derivatives);
            var derivative = PlotStyle.Line(plot, derivativeX, derivativeY, string.Empty, LinePattern.Dashed);
            derivative.Color = color;
            derivative.LineWidth = 1.5f;
        }

        PlotStyle.FocusOnBulk(plot, response.Series.SelectMany(series => new[] { series.Values, series.Derivatives }));
        var zero = plot.Add.HorizontalLine(0, 1, Colors.Gray);
        zero.ExcludeFromLegend = true;

        PlotStyle.Label(plot, Title(response.Series.Select(series => series.Activation).ToList()), "x", "y (solid: value, dashed: derivative)");
        plot.ShowLegend(Edge.Right);
    }

    /// <summary>
    /// The colours of the curves: Category10, which suits colour-blind readers, while it has a colour for
    /// each curve, and a larger palette beyond that, so that no two curves share a colour.
    /// </summary>
    public static IPalette ColoursFor(int count) => count <= PlotStyle.Palette.Colors.Length ? PlotStyle.Palette : ManyColours;

    /// <summary>
    /// Names a few activations in the title and only counts a longer list, whose names are in the legend,
    /// so that the title fits above the data area.
    /// </summary>
    public static string Title(IReadOnlyList<string> names)
    {
        var title = $"Activations compared: {string.Join(", ", names)}";
        return names.Count <= MaxNamesInTitle && title.Length <= MaxTitleLength
            ? title
            : $"{names.Count} activations compared";
    }
}
