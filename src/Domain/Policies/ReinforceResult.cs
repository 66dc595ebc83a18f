namespace SigmoidService.Domain.Policies;

/// <summary>The outcome of a REINFORCE run on a <see cref="ContextualBandit"/>.</summary>
/// <param name="Weights">The learned policy weights w.</param>
/// <param name="Bias">The learned policy bias b.</param>
/// <param name="LearningCurve">Block averages of the reward, from the first episodes to the last.</param>
/// <param name="OptimalReward">The expected reward of the best policy, which always picks the more rewarding action.</param>
/// <param name="FinalExpectedReward">The expected reward of the learned policy on the evaluation states.</param>
/// <param name="TrueWeights">The bandit's hidden θ, to compare with the learned direction.</param>
/// <param name="TrueBias">The bandit's hidden bias.</param>
public sealed record ReinforceResult(
    double[] Weights,
    double Bias,
    IReadOnlyList<LearningCurvePoint> LearningCurve,
    double OptimalReward,
    double FinalExpectedReward,
    double[] TrueWeights,
    double TrueBias);
