using ScottPlot;
using SigmoidService.Api.Networks;

namespace SigmoidService.Api.Plots.Renderers;

/// <summary>
/// Draws the vanishing-gradient experiment: the gradient norms per layer on a log scale, so that a decay
/// by a constant factor per layer shows as a straight line.
/// </summary>
public sealed class VanishingGradientPlotRenderer : PlotRenderer<VanishingGradientResponse>
{
    protected override void Draw(Plot plot, VanishingGradientResponse response)
    {
        var layers = response.Layers.Select(layer => (double)layer.Layer).ToArray();

        AddLogSeries(plot, layers, response.Layers.Select(layer => layer.GradientNorm).ToArray(),
            "‖∂L/∂z‖, gradient at the pre-activations", MarkerShape.FilledCircle);
        AddLogSeries(plot, layers, response.Layers.Select(layer => layer.WeightGradientNorm).ToArray(),
            "‖∂L/∂W‖, gradient of the weights", MarkerShape.FilledSquare);

        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = exponent => FormattableString.Invariant($"1e{exponent:0}"),
        };
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };

        PlotStyle.Label(plot,
            $"Vanishing gradient: {response.Activation}, {response.Initialization} initialisation",
            FormattableString.Invariant($"layer (1 is next to the input; {response.Width} units each)"),
            "gradient norm (log scale)");
        PlotStyle.ShowLegend(plot, Alignment.LowerRight);
    }

    /// <summary>Adds log10 of the positive, finite values; a zero gradient has no place on a log axis.</summary>
    private static void AddLogSeries(Plot plot, double[] layers, double[] values, string legend, MarkerShape shape)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < layers.Length; i++)
        {
            if (double.IsFinite(values[i]) && values[i] > 0)
            {
                xs.Add(layers[i]);
                ys.Add(Math.Log10(values[i]));
            }
        }

        var line = PlotStyle.Line(plot, xs.ToArray(), ys.ToArray(), legend);
        line.MarkerShape = shape;
        line.MarkerSize = 7;
    }
}
