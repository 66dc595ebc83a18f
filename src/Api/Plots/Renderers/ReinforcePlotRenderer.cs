using ScottPlot;
using SigmoidService.Domain.Policies;

namespace SigmoidService.Api.Plots.Renderers;

/// <summary>Draws a REINFORCE learning curve: the received and the expected reward against the optimum.</summary>
public sealed class ReinforcePlotRenderer : PlotRenderer<ReinforceResult>
{
    protected override void Draw(Plot plot, ReinforceResult response)
    {
        var episodes = response.LearningCurve.Select(point => (double)point.Episode).ToArray();

        var (receivedX, receivedY) = PlotStyle.Finite(episodes, response.LearningCurve.Select(point => point.AverageReward).ToArray());
        var received = PlotStyle.Line(plot, receivedX, receivedY, "reward received (block mean)");
        received.MarkerSize = 5;

        var (expectedX, expectedY) = PlotStyle.Finite(episodes, response.LearningCurve.Select(point => point.ExpectedReward).ToArray());
        PlotStyle.Line(plot, expectedX, expectedY, "expected reward of the policy");

        if (double.IsFinite(response.OptimalReward))
        {
            var optimum = plot.Add.HorizontalLine(response.OptimalReward, 2, Colors.Black, LinePattern.Dashed);
            optimum.LegendText = FormattableString.Invariant($"optimal policy ({response.OptimalReward:0.###})");
        }

        PlotStyle.Label(plot, "REINFORCE with a sigmoid policy: learning curve", "episode", "reward");
        // Rewards of single blocks scatter over the whole plot, so the legend goes below it.
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);
    }
}
