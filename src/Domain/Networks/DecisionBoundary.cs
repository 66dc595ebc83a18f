namespace SigmoidService.Domain.Networks;

/// <summary>
/// The decision boundary of a two-input neuron p = f(w1 x + w2 y + b): its output over a grid and the line
/// w1 x + w2 y + b = 0, where a sigmoid neuron outputs exactly 0.5 and its class flips.
/// </summary>
public static class DecisionBoundary
{
    /// <summary>
    /// Evaluates <paramref name="activation"/> (normally the sigmoid) on a <paramref name="points"/> by
    /// <paramref name="points"/> grid over the rectangle and finds the boundary line clipped to it.
    /// </summary>
    /// <param name="weight1">The weight of x.</param>
    /// <param name="weight2">The weight of y.</param>
    /// <param name="bias">The bias b.</param>
    /// <param name="xRange">The x interval; its ends must be finite and ascending.</param>
    /// <param name="yRange">The y interval; its ends must be finite and ascending.</param>
    /// <param name="points">The count of grid points along each axis, at least 2.</param>
    /// <param name="activation">The output function, applied to w1 x + w2 y + b.</param>
    public static DecisionBoundaryResult Compute(
        double weight1,
        double weight2,
        double bias,
        (double Min, double Max) xRange,
        (double Min, double Max) yRange,
        int points,
        Func<double, double> activation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);
        var x = Grid(xRange, points);
        var y = Grid(yRange, points);
        var probabilities = new double[points][];
        for (var row = 0; row < points; row++)
        {
            var values = new double[points];
            var partial = (weight2 * y[row]) + bias;
            for (var column = 0; column < points; column++)
            {
                values[column] = activation((weight1 * x[column]) + partial);
            }

            probabilities[row] = values;
        }

        return new DecisionBoundaryResult(x, y, probabilities, FindLine(weight1, weight2, bias, xRange, yRange));
    }

    /// <summary>Describes the line w1 x + w2 y + b = 0 and clips it to the rectangle.</summary>
    public static DecisionBoundaryLine FindLine(
        double weight1,
        double weight2,
        double bias,
        (double Min, double Max) xRange,
        (double Min, double Max) yRange)
    {
        if (weight1 == 0 && weight2 == 0)
        {
            return new DecisionBoundaryLine(bias == 0 ? BoundaryKind.Everywhere : BoundaryKind.None, null, null, null, null, null);
        }

        double? xIntercept = weight1 != 0 ? FiniteOrNull(-bias / weight1) : null;
        var kind = weight2 != 0 ? BoundaryKind.Line : BoundaryKind.Vertical;
        double? slope = kind == BoundaryKind.Line ? FiniteOrNull(-weight1 / weight2) : null;
        double? intercept = kind == BoundaryKind.Line ? FiniteOrNull(-bias / weight2) : null;

        var (start, end) = Clip(weight1, weight2, bias, xRange, yRange);
        return new DecisionBoundaryLine(kind, slope, intercept, xIntercept, start, end);
    }

    // Intersects the line with the four edges of the rectangle in the implicit form, which also covers
    // vertical and nearly vertical lines, and keeps the two intersections farthest apart.
    private static (PlanePoint? Start, PlanePoint? End) Clip(
        double weight1, double weight2, double bias, (double Min, double Max) xRange, (double Min, double Max) yRange)
    {
        var hits = new List<PlanePoint>(4);
        if (weight2 != 0)
        {
            foreach (var edgeX in (ReadOnlySpan<double>)[xRange.Min, xRange.Max])
            {
                var edgeY = -((weight1 * edgeX) + bias) / weight2;
                if (edgeY >= yRange.Min && edgeY <= yRange.Max)
                {
                    hits.Add(new PlanePoint(edgeX, edgeY));
                }
            }
        }

        if (weight1 != 0)
        {
            foreach (var edgeY in (ReadOnlySpan<double>)[yRange.Min, yRange.Max])
            {
                var edgeX = -((weight2 * edgeY) + bias) / weight1;
                if (edgeX >= xRange.Min && edgeX <= xRange.Max)
                {
                    hits.Add(new PlanePoint(edgeX, edgeY));
                }
            }
        }

        if (hits.Count == 0)
        {
            return (null, null);
        }

        var best = (Start: hits[0], End: hits[0]);
        var bestDistance = -1.0;
        for (var i = 0; i < hits.Count; i++)
        {
            for (var j = i; j < hits.Count; j++)
            {
                var distance = Math.Abs(hits[i].X - hits[j].X) + Math.Abs(hits[i].Y - hits[j].Y);
                if (distance > bestDistance)
                {
                    bestDistance = distance;
                    best = hits[i].X <= hits[j].X ? (hits[i], hits[j]) : (hits[j], hits[i]);
                }
            }
        }

        return best;
    }

    /// <summary>Returns <paramref name="points"/> evenly spaced values from the range's min to its max, both included.</summary>
    internal static double[] Grid((double Min, double Max) range, int points)
    {
        var values = new double[points];
        var step = (range.Max - range.Min) / (points - 1);
        for (var i = 0; i < points; i++)
        {
            values[i] = range.Min + (i * step);
        }

        // The last point is the max exactly, not min plus a rounded multiple of the step.
        values[^1] = range.Max;
        return values;
    }

    private static double? FiniteOrNull(double value) => double.IsFinite(value) ? value : null;
}
