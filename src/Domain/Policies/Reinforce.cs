using System.Numerics.Tensors;
using SigmoidService.Domain.Randomness;

namespace SigmoidService.Domain.Policies;

/// <summary>
/// REINFORCE (Williams 1992) with a baseline, training a <see cref="BernoulliPolicy"/> on a seeded
/// <see cref="ContextualBandit"/>. Each episode is one state, one action and one reward, and the update is
/// w ← w + α (r - r̄)(a - π(1 | s)) s and b ← b + α (r - r̄)(a - π(1 | s)), where the baseline r̄ is an
/// exponential moving average of past rewards with rate 0.05, starting at 0.5 (the reward of a coin-flip
/// policy). The policy starts at w = 0, b = 0.
/// </summary>
/// <remarks>
/// Random numbers: a <see cref="SeededRandom"/> seeded with <c>seed</c> draws the bandit, then per episode
/// the state (stateSize normals), the action (one uniform) and the reward (one uniform). A second
/// generator seeded with <c>seed + 1</c> draws the 1000 evaluation states on which expected rewards are
/// measured.
/// </remarks>
public static class Reinforce
{
    /// <summary>The rate of the baseline's moving average.</summary>
    public const double BaselineRate = 0.05;

    /// <summary>The count of fixed states on which the expected reward of a policy is averaged.</summary>
    public const int EvaluationStates = 1000;

    /// <summary>Trains a policy and records its learning curve.</summary>
    /// <param name="stateSize">The length of a state vector, at least 1.</param>
    /// <param name="episodes">The count of episodes, at least 1.</param>
    /// <param name="learningRate">The step size α, positive.</param>
    /// <param name="seed">The seed of the bandit, the episodes and the evaluation states.</param>
    /// <param name="curvePoints">The count of blocks the episodes are split into for the curve; at most <paramref name="episodes"/> are used.</param>
    /// <param name="sigmoid">The logistic function.</param>
    public static ReinforceResult Train(
        int stateSize, int episodes, double learningRate, ulong seed, int curvePoints, Func<double, double> sigmoid)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stateSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(episodes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(curvePoints, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(learningRate);

        var random = new SeededRandom(seed);
        var bandit = new ContextualBandit(stateSize, random, sigmoid);
        var evaluation = EvaluationSet(stateSize, unchecked(seed + 1));

        var weights = new double[stateSize];
        var bias = 0.0;
        var baseline = 0.5;
        var state = new double[stateSize];
        var blocks = Math.Min(curvePoints, episodes);
        var curve = new List<LearningCurvePoint>(blocks);
        var blockRewards = 0.0;
        var blockStart = 0;
        var nextBlock = 1;
        for (var episode = 0; episode < episodes; episode++)
        {
            ContextualBandit.SampleState(random, state);
            var probability = sigmoid(TensorPrimitives.Dot(weights, state) + bias);
            var action = random.NextDouble() < probability ? 1 : 0;
            var reward = bandit.Reward(state, action, random);

            var step = learningRate * (reward - baseline) * (action - probability);
            for (var j = 0; j < stateSize; j++)
            {
                weights[j] += step * state[j];
            }

            bias += step;
            baseline += BaselineRate * (reward - baseline);
            blockRewards += reward;

            // Block k ends after episode floor(k · episodes / blocks), so the blocks differ in size by at most one.
            var blockEnd = (int)((long)nextBlock * episodes / blocks);
            if (episode + 1 == blockEnd)
            {
                var average = blockRewards / (blockEnd - blockStart);
                curve.Add(new LearningCurvePoint(blockEnd, average, ExpectedReward(bandit, new BernoulliPolicy(weights, bias, sigmoid), evaluation)));
                blockRewards = 0;
                blockStart = blockEnd;
                nextBlock++;
            }
        }

        var finalExpected = curve[^1].ExpectedReward;
        return new ReinforceResult(weights, bias, curve, bandit.OptimalReward, finalExpected, [.. bandit.TrueWeights], bandit.TrueBias);
    }

    /// <summary>
    /// Returns the mean over <paramref name="states"/> of π(1 | s) P(r = 1 | s, 1) + π(0 | s) P(r = 1 | s, 0):
    /// the policy's expected reward, free of action and reward noise.
    /// </summary>
    public static double ExpectedReward(ContextualBandit bandit, BernoulliPolicy policy, double[][] states)
    {
        var total = 0.0;
        foreach (var state in states)
        {
            var p = policy.Probability(state);
            total += (p * bandit.RewardProbability(state, 1)) + ((1 - p) * bandit.RewardProbability(state, 0));
        }

        return total / states.Length;
    }

    private static double[][] EvaluationSet(int stateSize, ulong seed)
    {
        var random = new SeededRandom(seed);
        var states = new double[EvaluationStates][];
        for (var i = 0; i < states.Length; i++)
        {
            states[i] = new double[stateSize];
            ContextualBandit.SampleState(random, states[i]);
        }

        return states;
    }
}
