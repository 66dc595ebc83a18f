namespace SigmoidService.Domain.Softmax;

/// <summary>The softmax probabilities and their logarithms, in the order of the logits.</summary>
/// <param name="Probabilities">exp(z_i) / sum_j exp(z_j), summing to 1 up to rounding.</param>
/// <param name="LogProbabilities">z_i - log sum_j exp(z_j); -Infinity where the probability is exactly 0.</param>
public sealed record SoftmaxResult(double[] Probabilities, double[] LogProbabilities);
