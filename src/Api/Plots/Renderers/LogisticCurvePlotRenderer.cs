using ScottPlot;
using SigmoidService.Api.LogisticRegression;

namespace SigmoidService.Api.Plots.Renderers;

/// <summary>Draws a one-feature logistic regression: the fitted probability curve over the training points.</summary>
public sealed class LogisticCurvePlotRenderer : PlotRenderer<LogisticCurveResponse>
{
    protected override void Draw(Plot plot, LogisticCurveResponse response)
    {
        var positive = response.Classes.Length > 1 ? response.Classes[1].ToString() : "1";
        var negative = response.Classes.Length > 0 ? response.Classes[0].ToString() : "0";

        var (x, y) = PlotStyle.Finite(response.X, response.Probabilities);
        PlotStyle.Line(plot, x, y, $"P({positive} | x) = sigmoid({PlotStyle.Linear(response.Coefficient, response.Intercept)})");

        // Training points sit at 0 or 1, the class they belong to, in the colour of their class.
        AddPoints(plot, response.TrainingPoints, target: 1, $"training points of class {positive}", PlotStyle.Palette.GetColor(1));
        AddPoints(plot, response.TrainingPoints, target: 0, $"training points of class {negative}", PlotStyle.Palette.GetColor(2));

        if (response.DecisionBoundary is { } boundary && double.IsFinite(boundary))
        {
            var line = plot.Add.VerticalLine(boundary, 2, Colors.Black, LinePattern.Dashed);
            line.LegendText = FormattableString.Invariant($"decision boundary x = {boundary:G4}");
        }

        plot.Axes.SetLimitsY(-0.05, 1.05);
        PlotStyle.Label(plot, "Logistic regression: fitted probability and training data", "x", $"P({positive} | x)");
        // The curve rises from the left when the coefficient is positive, so the middle of that side stays free.
        PlotStyle.ShowLegend(plot, response.Coefficient >= 0 ? Alignment.MiddleLeft : Alignment.MiddleRight);
    }

    private static void AddPoints(Plot plot, LogisticCurvePoints points, int target, string legend, Color color)
    {
        var xs = new List<double>();
        for (var i = 0; i < points.X.Length && i < points.Targets.Length; i++)
        {
            if (points.Targets[i] == target && double.IsFinite(points.X[i]))
            {
                xs.Add(points.X[i]);
            }
        }

        if (xs.Count == 0)
        {
            return;
        }

        var markers = plot.Add.Markers(xs.ToArray(), Enumerable.Repeat((double)target, xs.Count).ToArray(), MarkerShape.FilledCircle, 8, color.WithAlpha(0.6));
        markers.LegendText = legend;
    }
}
