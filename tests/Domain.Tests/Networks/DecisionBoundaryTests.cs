using SigmoidService.Domain.Networks;

namespace SigmoidService.Domain.Tests.Networks;

public sealed class DecisionBoundaryTests
{
    [Fact]
    public void Compute_Grid_HasProbabilitiesPerRowOfY()
    {
        var result = DecisionBoundary.Compute(1, 2, -1, (0, 1), (-1, 1), 3, TestFunctions.Sigmoid);

        Assert.Equal([0.0, 0.5, 1.0], result.X);
        Assert.Equal([-1.0, 0.0, 1.0], result.Y);
        Assert.Equal(3, result.Probabilities.Length);
        // Row 0 is y = -1, column 2 is x = 1: sigmoid(1 - 2 - 1).
        Assert.Equal(TestFunctions.Sigmoid(-2), result.Probabilities[0][2], 15);
        Assert.Equal(TestFunctions.Sigmoid(1.5), result.Probabilities[2][1], 15);
    }

    [Fact]
    public void FindLine_DiagonalThroughSquare_ClipsToCorners()
    {
        // x + y - 1 = 0 runs from (0, 1) to (1, 0).
        var line = DecisionBoundary.FindLine(1, 1, -1, (0, 1), (0, 1));

        Assert.Equal(BoundaryKind.Line, line.Kind);
        Assert.Equal(-1, line.Slope);
        Assert.Equal(1, line.Intercept);
        Assert.Equal(new PlanePoint(0, 1), line.Start);
        Assert.Equal(new PlanePoint(1, 0), line.End);
    }

    [Fact]
    public void FindLine_ZeroWeightOnY_IsVertical()
    {
        var line = DecisionBoundary.FindLine(2, 0, -1, (0, 1), (-3, 3));

        Assert.Equal(BoundaryKind.Vertical, line.Kind);
        Assert.Null(line.Slope);
        Assert.Null(line.Intercept);
        Assert.Equal(0.5, line.XIntercept);
        Assert.Equal(new PlanePoint(0.5, -3), line.Start);
        Assert.Equal(new PlanePoint(0.5, 3), line.End);
    }

    [Fact]
    public void FindLine_ZeroWeightOnX_IsHorizontal()
    {
        var line = DecisionBoundary.FindLine(0, 4, -2, (-1, 1), (0, 1));

        Assert.Equal(BoundaryKind.Line, line.Kind);
        Assert.Equal(0, line.Slope);
        Assert.Null(line.XIntercept);
        Assert.Equal(new PlanePoint(-1, 0.5), line.Start);
        Assert.Equal(new PlanePoint(1, 0.5), line.End);
    }

    [Fact]
    public void FindLine_LineOutsideRectangle_HasNoEndPoints()
    {
        var line = DecisionBoundary.FindLine(1, 1, -10, (0, 1), (0, 1));

        Assert.Equal(BoundaryKind.Line, line.Kind);
        Assert.Null(line.Start);
        Assert.Null(line.End);
    }

    [Theory]
    [InlineData(0.0, BoundaryKind.Everywhere)]
    [InlineData(0.3, BoundaryKind.None)]
    public void FindLine_ZeroWeights_IsDegenerate(double bias, BoundaryKind expected)
    {
        var line = DecisionBoundary.FindLine(0, 0, bias, (0, 1), (0, 1));

        Assert.Equal(expected, line.Kind);
        Assert.Null(line.Start);
        Assert.Null(line.XIntercept);
    }

    [Fact]
    public void Compute_EndPoints_HaveProbabilityHalf()
    {
        var result = DecisionBoundary.Compute(3, -2, 0.5, (-2, 2), (-2, 2), 5, TestFunctions.Sigmoid);

        foreach (var point in new[] { result.Boundary.Start!, result.Boundary.End! })
        {
            Assert.Equal(0.5, TestFunctions.Sigmoid((3 * point.X) - (2 * point.Y) + 0.5), 12);
        }
    }
}
