namespace SigmoidService.Domain.Networks;

/// <summary>The shape of the set where a two-input sigmoid neuron outputs exactly 0.5.</summary>
public enum BoundaryKind
{
    /// <summary>A line y = slope x + intercept (w2 ≠ 0).</summary>
    Line,

    /// <summary>A vertical line x = xIntercept (w2 = 0, w1 ≠ 0).</summary>
    Vertical,

    /// <summary>No boundary: both weights are 0 and the bias is not, so the output is sigmoid(b) everywhere.</summary>
    None,

    /// <summary>The whole plane: weights and bias are all 0, so the output is 0.5 everywhere.</summary>
    Everywhere,
}
