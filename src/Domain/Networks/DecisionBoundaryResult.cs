namespace SigmoidService.Domain.Networks;

/// <summary>A sigmoid neuron's output over an evenly spaced grid, with its decision boundary.</summary>
/// <param name="X">The grid's x coordinates, ascending.</param>
/// <param name="Y">The grid's y coordinates, ascending.</param>
/// <param name="Probabilities">sigmoid(w1 x + w2 y + b), one row per y and one column per x.</param>
/// <param name="Boundary">The set where the probability is exactly 0.5.</param>
public sealed record DecisionBoundaryResult(double[] X, double[] Y, double[][] Probabilities, DecisionBoundaryLine Boundary);
