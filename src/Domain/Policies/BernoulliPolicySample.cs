namespace SigmoidService.Domain.Policies;

/// <summary>Actions drawn from a sigmoid policy for a batch of states.</summary>
/// <param name="Probabilities">π(a = 1 | s) = sigmoid(w·s + b) for each state.</param>
/// <param name="Actions">The sampled action, 0 or 1, for each state.</param>
public sealed record BernoulliPolicySample(double[] Probabilities, int[] Actions);
