using ScottPlot;
using SigmoidService.Api.Models;

namespace SigmoidService.Api.Plots.Renderers;

/// <summary>Draws the VAE decoder's digits as a grid of 28 x 28 greyscale images, light ink on black.</summary>
public sealed class GeneratedDigitsPlotRenderer : PlotRenderer<GenerateDigitsResponse>
{
    private const int Side = 28;
    private const int Gap = 2;

    protected override void Draw(Plot plot, GenerateDigitsResponse response)
    {
        var count = response.Images.Count;
        var columns = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(count * 1.6)));
        var rows = Math.Max(1, (count + columns - 1) / columns);
        var cell = Side + Gap;

        // One matrix contains every digit; the gaps between them are NaN and drawn in the background colour.
        var intensities = new double[(rows * cell) - Gap, (columns * cell) - Gap];
        for (var row = 0; row < intensities.GetLength(0); row++)
        {
            for (var column = 0; column < intensities.GetLength(1); column++)
            {
                intensities[row, column] = double.NaN;
            }
        }

        for (var index = 0; index < count; index++)
        {
            var pixels = response.Images[index].Pixels;
            var top = index / columns * cell;
            var left = index % columns * cell;
            for (var i = 0; i < Side * Side && i < pixels.Count; i++)
            {
                intensities[top + (i / Side), left + (i % Side)] = pixels[i];
            }
        }

        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = new ScottPlot.Colormaps.Grayscale();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        heatmap.NaNCellColor = Colors.White;
        heatmap.Extent = new CoordinateRect(0, intensities.GetLength(1), 0, intensities.GetLength(0));

        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "pixel intensity (ink)";
        colorBar.LabelStyle.FontSize = 14;

        plot.Axes.Bottom.TickGenerator = CellTicks(columns, cell, fromTop: false, rows);
        plot.Axes.Left.TickGenerator = CellTicks(rows, cell, fromTop: true, rows);
        plot.Axes.SetLimits(0, intensities.GetLength(1), 0, intensities.GetLength(0));
        plot.Axes.SquareUnits();

        var title = response.Seed is { } seed
            ? FormattableString.Invariant($"{response.Model}: {count} digits from seed {seed}")
            : FormattableString.Invariant($"{response.Model}: {count} digits from the given latent vectors");
        PlotStyle.Label(plot, title, "column", "row");
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = FormattableString.Invariant($"decoded from {response.LatentSize}-dimensional latent vectors"),
            FillColor = Colors.Black,
            MarkerShape = MarkerShape.FilledSquare,
            MarkerFillColor = Colors.Black,
            MarkerSize = 10,
        });
        PlotStyle.ShowLegend(plot, Alignment.LowerRight);
    }

    /// <summary>Ticks at the centre of each grid cell, numbered from 1 (rows from the top).</summary>
    private static ScottPlot.TickGenerators.NumericManual CellTicks(int count, int cell, bool fromTop, int rows)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < count; i++)
        {
            var position = fromTop ? ((rows - 1 - i) * cell) + (Side / 2.0) : (i * cell) + (Side / 2.0);
            ticks.AddMajor(position, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return ticks;
    }
}
