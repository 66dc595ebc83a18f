using System.Numerics.Tensors;
using SigmoidService.Domain.Policies;
using SigmoidService.Domain.Randomness;
using SigmoidService.Domain.Tests.Networks;

namespace SigmoidService.Domain.Tests.Policies;

public sealed class ReinforceTests
{
    [Fact]
    public void Train_Bandit_FinalRewardClearlyAboveFirst()
    {
        var result = Reinforce.Train(4, 2000, 0.1, 1, 20, TestFunctions.Sigmoid);

        var first = result.LearningCurve[0];
        var last = result.LearningCurve[^1];
        // A block of 100 Bernoulli rewards has standard error at most 0.05, so 0.15 is three of them.
        Assert.True(last.AverageReward > first.AverageReward + 0.15,
            $"first block {first.AverageReward:F3}, last block {last.AverageReward:F3}");
        Assert.True(last.ExpectedReward > first.ExpectedReward + 0.1,
            $"first expected {first.ExpectedReward:F3}, last expected {last.ExpectedReward:F3}");
        Assert.InRange(result.FinalExpectedReward, 0.5, result.OptimalReward);
    }

    [Fact]
    public void Train_Bandit_LearnsTrueDirection()
    {
        var result = Reinforce.Train(4, 5000, 0.1, 3, 10, TestFunctions.Sigmoid);

        var cosine = TensorPrimitives.CosineSimilarity(result.Weights, result.TrueWeights);
        Assert.True(cosine > 0.9, $"cosine similarity {cosine:F3}");
    }

    [Fact]
    public void Train_SameSeed_GivesSameRun()
    {
        var first = Reinforce.Train(3, 500, 0.2, 9, 10, TestFunctions.Sigmoid);
        var second = Reinforce.Train(3, 500, 0.2, 9, 10, TestFunctions.Sigmoid);

        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Bias, second.Bias);
        Assert.Equal(first.LearningCurve, second.LearningCurve);
    }

    [Fact]
    public void Train_CurvePoints_SplitEpisodesIntoBlocks()
    {
        var result = Reinforce.Train(2, 105, 0.1, 4, 10, TestFunctions.Sigmoid);

        Assert.Equal(10, result.LearningCurve.Count);
        Assert.Equal(10, result.LearningCurve[0].Episode);
        Assert.Equal(105, result.LearningCurve[^1].Episode);
    }

    [Fact]
    public void Train_FewEpisodes_OnePointEach()
    {
        var result = Reinforce.Train(2, 3, 0.1, 4, 50, TestFunctions.Sigmoid);

        Assert.Equal([1, 2, 3], result.LearningCurve.Select(point => point.Episode));
    }

    [Fact]
    public void OptimalReward_MatchesMonteCarloOfBestPolicy()
    {
        var bandit = new ContextualBandit(5, new SeededRandom(21UL), TestFunctions.Sigmoid);
        var random = new SeededRandom(22UL);
        var state = new double[5];
        var total = 0.0;
        const int Count = 200_000;
        for (var i = 0; i < Count; i++)
        {
            ContextualBandit.SampleState(random, state);
            total += Math.Max(bandit.RewardProbability(state, 1), bandit.RewardProbability(state, 0));
        }

        // The Monte Carlo mean of values in [0.5, 1] has standard error below 0.25 / sqrt(200,000) = 0.00056.
        Assert.Equal(total / Count, bandit.OptimalReward, 0.003);
    }
}
