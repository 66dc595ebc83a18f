namespace SigmoidService.Domain.Networks;

/// <summary>A point of the input plane.</summary>
public sealed record PlanePoint(double X, double Y);
