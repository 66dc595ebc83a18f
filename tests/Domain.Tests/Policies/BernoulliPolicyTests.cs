using SigmoidService.Domain.Common;
using SigmoidService.Domain.Policies;
using SigmoidService.Domain.Tests.Networks;

namespace SigmoidService.Domain.Tests.Policies;

public sealed class BernoulliPolicyTests
{
    private static readonly IReadOnlyList<IReadOnlyList<double>> States =
        [.. Enumerable.Range(0, 200).Select(i => (IReadOnlyList<double>)[Math.Sin(i), Math.Cos(i * 0.7)])];

    [Fact]
    public void Sample_SameSeed_GivesSameActions()
    {
        var policy = new BernoulliPolicy([1.5, -0.5], 0.2, TestFunctions.Sigmoid);

        var first = policy.Sample(States, 17);
        var second = policy.Sample(States, 17);

        Assert.Equal(first.Actions, second.Actions);
        Assert.Equal(first.Probabilities, second.Probabilities);
    }

    [Fact]
    public void Sample_DifferentSeed_GivesDifferentActions()
    {
        var policy = new BernoulliPolicy([1.5, -0.5], 0.2, TestFunctions.Sigmoid);

        Assert.NotEqual(policy.Sample(States, 17).Actions, policy.Sample(States, 18).Actions);
    }

    [Fact]
    public void Sample_Probabilities_AreSigmoidOfScore()
    {
        var policy = new BernoulliPolicy([2.0, 1.0], -1.0, TestFunctions.Sigmoid);

        var sample = policy.Sample([[0.5, 3.0]], 1);

        Assert.Equal(TestFunctions.Sigmoid(3.0), sample.Probabilities[0], 15);
    }

    [Fact]
    public void Sample_ManyStates_ActionFrequencyMatchesProbability()
    {
        // One state repeated: the share of 1s estimates sigmoid(0.4) = 0.5987 with standard error 0.0016.
        var policy = new BernoulliPolicy([1.0], 0.0, TestFunctions.Sigmoid);
        var states = Enumerable.Repeat<IReadOnlyList<double>>([0.4], 100_000).ToArray();

        var sample = policy.Sample(states, 5);

        Assert.InRange(sample.Actions.Average(), TestFunctions.Sigmoid(0.4) - 0.008, TestFunctions.Sigmoid(0.4) + 0.008);
        Assert.All(sample.Actions, action => Assert.True(action is 0 or 1));
    }

    [Fact]
    public void Sample_StateOfWrongLength_NamesStateRow()
    {
        var policy = new BernoulliPolicy([1.0, 2.0], 0.0, TestFunctions.Sigmoid);

        var error = Assert.Throws<InvalidInputException>(() => policy.Sample([[1.0, 2.0], [3.0]], 1));

        Assert.Equal("states[1]", error.Field);
    }
}
