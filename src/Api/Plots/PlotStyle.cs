using ScottPlot;

namespace SigmoidService.Api.Plots;

/// <summary>The look every plot shares: the embedded font, sizes readable at 800 x 500, and a legend.</summary>
public static class PlotStyle
{
    /// <summary>A palette that stays distinguishable for the common forms of colour blindness.</summary>
    public static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    public static void ApplyDefaults(Plot plot)
    {
        plot.Font.Set(PlotFonts.Family);
        plot.Add.Palette = Palette;
        plot.Axes.Title.Label.FontSize = 20;
        plot.Axes.Bottom.Label.FontSize = 16;
        plot.Axes.Left.Label.FontSize = 16;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Legend.FontSize = 13;
    }

    /// <summary>
    /// Lays the plot out at its real size and shrinks what does not fit, repeating until it does. The title
    /// is centred over the data area, not the image, so it must fit twice the distance from that centre to
    /// the nearer image edge. A legend on an edge reserves the width it measured before it was laid out;
    /// when it wraps into more columns on a short image the extra columns fall off the image, so each
    /// layout here records the wrapped size for the next. A legend wider than 40 % of the image is set
    /// smaller, and hidden when even 8 points do not fit. Text widths are estimated at 0.6 of the font
    /// size per character, a little above the DejaVu Sans average.
    /// </summary>
    public static void FitToImage(Plot plot, int width, int height)
    {
        const int MaxLayouts = 12;
        for (var layout = 0; layout < MaxLayouts; layout++)
        {
            plot.GetImage(width, height).Dispose();
            var data = plot.RenderManager.LastRender.DataRect;
            var changed = false;

            var title = plot.Axes.Title.Label;
            var room = 2 * Math.Min(data.HorizontalCenter, width - data.HorizontalCenter) * 0.95f;
            if (TextWidth(title) > room && title.FontSize > MinFontSize)
            {
                title.FontSize = Math.Max(MinFontSize, title.FontSize - 2);
                changed = true;
            }

            foreach (var label in new[] { plot.Axes.Left.Label, plot.Axes.Bottom.Label })
            {
                var length = label.Rotation == 0 ? data.Width : data.Height;
                if (TextWidth(label) > length && label.FontSize > MinFontSize)
                {
                    label.FontSize = Math.Max(MinFontSize, label.FontSize - 2);
                    changed = true;
                }
            }

            if (plot.Legend.LastRenderSize.Width > width * 0.4f)
            {
                var fontSize = plot.Legend.FontSize ?? 13;
                if (fontSize > MinFontSize)
                {
                    plot.Legend.FontSize = Math.Max(MinFontSize, fontSize - 2);
                }
                else
                {
                    plot.HideLegend();
                }

                changed = true;
            }

            if (!changed)
            {
                return;
            }
        }
    }

    private const float MinFontSize = 8;

    private static float TextWidth(LabelStyle label) => (label.Text?.Length ?? 0) * label.FontSize * 0.6f;

    /// <summary>Sets the title and the labels of both axes.</summary>
    public static void Label(Plot plot, string title, string xLabel, string yLabel)
    {
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
    }

    /// <summary>Shows the legend in the given corner; every plot has one.</summary>
    public static void ShowLegend(Plot plot, Alignment alignment = Alignment.UpperLeft)
    {
        plot.ShowLegend(alignment);
    }

    /// <summary>
    /// The points of a series whose coordinates are both finite. Curves may hold "Infinity" or "NaN" (the
    /// logit at 0 and 1), which have no place on a linear axis and would break its automatic limits.
    /// </summary>
    public static (double[] X, double[] Y) Finite(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var count = Math.Min(x.Count, y.Count);
        var xs = new List<double>(count);
        var ys = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            if (double.IsFinite(x[i]) && double.IsFinite(y[i]))
            {
                xs.Add(x[i]);
                ys.Add(y[i]);
            }
        }

        return (xs.ToArray(), ys.ToArray());
    }

    /// <summary>
    /// Limits the y axis to the bulk of the values when a few outliers (a derivative that diverges at the
    /// edge of the domain) would otherwise flatten every other curve. The bulk is the 2nd to 98th
    /// percentile; the axis is left to autoscale when the full range is within 4 times the bulk's.
    /// </summary>
    public static void FocusOnBulk(Plot plot, IEnumerable<IReadOnlyList<double>> series)
    {
        var values = series.SelectMany(values => values).Where(double.IsFinite).ToArray();
        if (values.Length < 20)
        {
            return;
        }

        Array.Sort(values);
        var low = values[(int)(values.Length * 0.02)];
        var high = values[(int)(values.Length * 0.98)];
        var bulk = high - low;
        if (bulk <= 0 || values[^1] - values[0] <= 4 * bulk)
        {
            return;
        }

        plot.Axes.SetLimitsY(low - (0.25 * bulk), high + (0.25 * bulk));
    }

    /// <summary>
    /// Thins a long series to at most <paramref name="buckets"/> x 2 points by keeping the lowest and the
    /// highest point of each run of consecutive samples, in their order. Peaks survive, and no image is
    /// wide enough to show more than a few thousand distinct columns anyway. Shorter series are returned as
    /// they are.
    /// </summary>
    public static (double[] X, double[] Y) Decimate(double[] x, double[] y, int buckets = 2000)
    {
        var count = Math.Min(x.Length, y.Length);
        if (count <= 2 * buckets)
        {
            return (x, y);
        }

        var xs = new List<double>(2 * buckets);
        var ys = new List<double>(2 * buckets);
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            var start = (int)((long)bucket * count / buckets);
            var end = (int)((long)(bucket + 1) * count / buckets);
            var lowest = start;
            var highest = start;
            for (var i = start + 1; i < end; i++)
            {
                lowest = y[i] < y[lowest] ? i : lowest;
                highest = y[i] > y[highest] ? i : highest;
            }

            var first = Math.Min(lowest, highest);
            var second = Math.Max(lowest, highest);
            xs.Add(x[first]);
            ys.Add(y[first]);
            if (second != first)
            {
                xs.Add(x[second]);
                ys.Add(y[second]);
            }
        }

        return (xs.ToArray(), ys.ToArray());
    }

    /// <summary>Writes slope x + intercept with the intercept's sign as the operator, as in "1.5 x - 4.08".</summary>
    public static string Linear(double slope, double intercept, string variable = "x")
    {
        var sign = intercept < 0 ? "-" : "+";
        return FormattableString.Invariant($"{slope:G4} {variable} {sign} {Math.Abs(intercept):G4}");
    }

    /// <summary>Adds a line without markers, named in the legend.</summary>
    public static ScottPlot.Plottables.Scatter Line(Plot plot, double[] x, double[] y, string legend, LinePattern? pattern = null)
    {
        (x, y) = Decimate(x, y);
        var line = plot.Add.ScatterLine(x, y);
        line.LegendText = legend;
        line.LineWidth = 2;
        if (pattern is { } linePattern)
        {
            line.LinePattern = linePattern;
        }

        return line;
    }
}
