using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SigmoidService.Api.Infrastructure;
using SigmoidService.Api.Networks;
using SigmoidService.Domain.Policies;

namespace SigmoidService.Api.Policies;

/// <summary>The sigmoid (Bernoulli) policy endpoints under <c>/policies</c>.</summary>
public static class PolicyEndpoints
{
    private const double MaxLearningRate = 100;

    public static RouteGroupBuilder MapPolicies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/policies").WithTags("Policies");

        group.MapPost("/bernoulli/sample", SampleBernoulli)
            .WithName("SampleBernoulliPolicy")
            .WithSummary("Draws actions from a sigmoid policy")
            .WithDescription("For each state s returns π(1 | s) = sigmoid(w·s + b) and an action drawn from it: 1 when the "
                + "next uniform of the service's SplitMix64 generator, seeded with seed, is below π(1 | s), else 0. The same "
                + "seed and states always give the same actions.")
            .WithRequestExample(new BernoulliSampleRequest([1.5, -0.5], 0.0, [[0.2, 1.0], [-1.0, 0.3], [2.0, 2.0]], 1))
            .ProducesValidationProblem();

        group.MapPost("/bernoulli/train", TrainBernoulli)
            .WithName("TrainBernoulliPolicy")
            .WithSummary("Trains a sigmoid policy by REINFORCE on a seeded contextual bandit")
            .WithDescription("Draws a two-armed bandit from the seed: states are standard normal, and with z = θ·s + β "
                + "(||θ|| = 3, β uniform in [-1, 1)) action 1 pays 1 with probability sigmoid(z) and action 0 with "
                + "probability sigmoid(-z). REINFORCE with a moving-average baseline (rate 0.05) then trains "
                + "π(1 | s) = sigmoid(w·s + b) from w = 0, b = 0, one state per episode. Returns the learned weights and "
                + "bias, a learning curve of block-average rewards with the policy's expected reward on 1000 fixed "
                + "evaluation states, the optimal expected reward E[sigmoid(|z|)], and the bandit's θ and β.")
            .WithRequestExample(new BernoulliTrainRequest(4, 2000, 0.1, 1, 50))
            .ProducesValidationProblem();

        return group;
    }

    internal static Results<Ok<BernoulliPolicySample>, ValidationProblem> SampleBernoulli(
        BernoulliSampleRequest request, IOptions<NetworkLimitsOptions> limits, IOptions<ServiceLimitsOptions> serviceLimits)
    {
        var max = limits.Value;
        var errors = new RequestErrors();
        errors.ValidNumbers(request.Weights, "weights", max.MaxWeights);
        errors.Finite(request.Bias ?? 0, "bias");
        if (errors.HasErrors
            || !RequestChecks.ValidRows(request.States, "states", max.MaxRows, serviceLimits.Value.MaxNumbersPerRequest, request.Weights!.Length, errors))
        {
            return errors.ToProblem();
        }

        var policy = new BernoulliPolicy(request.Weights, request.Bias ?? 0, CatalogActivations.Get("sigmoid").Value);
        return TypedResults.Ok(policy.Sample(NetworkEndpoints.AsRows(request.States!), unchecked((ulong)(request.Seed ?? 1))));
    }

    internal static Results<Ok<ReinforceResult>, ValidationProblem> TrainBernoulli(
        BernoulliTrainRequest request, IOptions<NetworkLimitsOptions> limits, ILoggerFactory loggers)
    {
        var max = limits.Value;
        var errors = new RequestErrors();
        var stateSize = RequestChecks.Count(request.StateSize, 4, max.MaxStateSize, "stateSize", errors);
        var episodes = RequestChecks.Count(request.Episodes, 2000, max.MaxEpisodes, "episodes", errors);
        var curvePoints = RequestChecks.Count(request.CurvePoints, 50, max.MaxCurvePoints, "curvePoints", errors);
        var learningRate = request.LearningRate ?? 0.1;
        if (errors.Finite(learningRate, "learningRate") && (learningRate <= 0 || learningRate > MaxLearningRate))
        {
            errors.Add("learningRate", $"The learning rate must be greater than 0 and at most {MaxLearningRate}.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var watch = Stopwatch.StartNew();
        var result = Reinforce.Train(stateSize, episodes, learningRate, unchecked((ulong)(request.Seed ?? 1)), curvePoints,
            CatalogActivations.Get("sigmoid").Value);
        loggers.CreateLogger("SigmoidService.Api.Policies").LogInformation(
            "REINFORCE trained on {Episodes} episodes with state size {StateSize} in {ElapsedMs:0.0} ms; expected reward {Reward:F3} of optimal {Optimal:F3}",
            episodes, stateSize, watch.Elapsed.TotalMilliseconds, result.FinalExpectedReward, result.OptimalReward);
        return TypedResults.Ok(result);
    }
}
