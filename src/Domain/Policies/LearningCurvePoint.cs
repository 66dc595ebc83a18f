namespace SigmoidService.Domain.Policies;

/// <summary>One point of a REINFORCE learning curve, summarising a block of consecutive episodes.</summary>
/// <param name="Episode">The 1-based index of the last episode in the block.</param>
/// <param name="AverageReward">The mean reward actually received in the block.</param>
/// <param name="ExpectedReward">The expected reward of the policy at the end of the block, on the fixed evaluation states.</param>
public sealed record LearningCurvePoint(int Episode, double AverageReward, double ExpectedReward);
