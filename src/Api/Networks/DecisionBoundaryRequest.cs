namespace SigmoidService.Api.Networks;

/// <summary>A two-input sigmoid neuron and the rectangle to draw its decision boundary over.</summary>
/// <param name="Weights">[w1, w2], the weights of x and y.</param>
/// <param name="Bias">b; 0 when absent.</param>
/// <param name="XRange">[min, max] of x; [0, 1] when absent.</param>
/// <param name="YRange">[min, max] of y; [0, 1] when absent.</param>
/// <param name="Points">Grid points along each axis; 100 when absent.</param>
public sealed record DecisionBoundaryRequest(double[]? Weights, double? Bias, double[]? XRange, double[]? YRange, int? Points);
