namespace SigmoidService.Domain.Networks;

/// <summary>
/// The decision boundary w1 x + w2 y + b = 0 of a two-input sigmoid neuron: the points where it outputs 0.5.
/// </summary>
/// <param name="Kind">Whether the boundary is a line, a vertical line, empty or the whole plane.</param>
/// <param name="Slope">-w1 / w2 for a <see cref="BoundaryKind.Line"/>, otherwise null.</param>
/// <param name="Intercept">-b / w2 for a <see cref="BoundaryKind.Line"/>, otherwise null.</param>
/// <param name="XIntercept">-b / w1 where w1 ≠ 0 (the x where the boundary crosses y = 0), otherwise null.</param>
/// <param name="Start">One end of the boundary clipped to the plotted rectangle, or null when it misses the rectangle.</param>
/// <param name="End">The other end of the clipped boundary, or null when it misses the rectangle.</param>
public sealed record DecisionBoundaryLine(
    BoundaryKind Kind,
    double? Slope,
    double? Intercept,
    double? XIntercept,
    PlanePoint? Start,
    PlanePoint? End);
