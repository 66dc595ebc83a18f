namespace SigmoidService.Api.Policies;

/// <summary>Settings of a REINFORCE run on a seeded contextual bandit.</summary>
/// <param name="StateSize">The length of a state; 4 when absent.</param>
/// <param name="Episodes">The count of one-step episodes; 2000 when absent.</param>
/// <param name="LearningRate">The step size, in (0, 100]; 0.1 when absent.</param>
/// <param name="Seed">The seed of the bandit and the episodes; 1 when absent.</param>
/// <param name="CurvePoints">The count of learning-curve points; 50 when absent.</param>
public sealed record BernoulliTrainRequest(int? StateSize, int? Episodes, double? LearningRate, long? Seed, int? CurvePoints);
