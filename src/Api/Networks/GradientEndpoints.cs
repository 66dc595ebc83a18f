using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SigmoidService.Api.Infrastructure;
using SigmoidService.Domain.Networks;

namespace SigmoidService.Api.Networks;

/// <summary>The vanishing-gradient experiment under <c>/gradients</c>.</summary>
public static class GradientEndpoints
{
    public static RouteGroupBuilder MapGradients(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/gradients").WithTags("Networks");

        group.MapPost("/vanishing", RunVanishingGradient)
            .WithName("RunVanishingGradient")
            .WithSummary("Runs the vanishing-gradient experiment of Glorot and Bengio (2010)")
            .WithDescription("Builds a fully connected network of depth hidden layers of width units with a catalogue "
                + "activation and zero biases, draws its weights uniformly (standard: ±1/sqrt(fan-in); xavier: "
                + "±sqrt(6/(fan-in + fan-out)); he: ±sqrt(6/fan-in)), runs a seeded batch of standard normal inputs "
                + "forward and the gradient of a mean squared error against seeded standard normal targets backward, and "
                + "returns per layer the mean and standard deviation of the activations and the norms of the gradients "
                + "with respect to pre-activations and weights. firstToLastGradientRatio far below 1 means the gradient "
                + "vanishes toward the input. Inputs, targets and weights come from the service's SplitMix64 generator "
                + "in that order, so a script can rebuild the network from the seed.")
            .WithRequestExample(new VanishingGradientRequest("sigmoid", null, 10, 64, "standard", 256, 1))
            .ProducesValidationProblem();

        return group;
    }

    internal static Results<Ok<VanishingGradientResponse>, ValidationProblem> RunVanishingGradient(
        VanishingGradientRequest request, IOptions<NetworkLimitsOptions> limits, ILoggerFactory loggers)
    {
        var max = limits.Value;
        var errors = new RequestErrors();
        var activation = CatalogActivations.Resolve(request.Activation, request.Parameters, "activation", errors);
        var initialization = ParseInitialization(request.Initialization, errors);
        var depth = RequestChecks.Count(request.Depth, 10, max.MaxDepth, "depth", errors);
        var width = RequestChecks.Count(request.Width, 64, max.MaxWidth, "width", errors);
        var samples = RequestChecks.Count(request.Samples, 256, max.MaxSamples, "samples", errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var units = (long)depth * samples * width;
        var work = 3 * units * width;
        if (work > max.MaxVanishingGradientMultiplyAdds || units > max.MaxVanishingGradientUnits)
        {
            errors.Add("depth", $"depth × samples × width = {units} units and 3 × depth × samples × width² = {work} multiply-adds; "
                + $"the limits are {max.MaxVanishingGradientUnits} units and {max.MaxVanishingGradientMultiplyAdds} multiply-adds. "
                + "Reduce depth, width or samples.");
            return errors.ToProblem();
        }

        var seed = request.Seed ?? 1;
        var watch = Stopwatch.StartNew();
        var result = VanishingGradientExperiment.Run(activation!, depth, width, initialization, samples, unchecked((ulong)seed));
        loggers.CreateLogger("SigmoidService.Api.Networks").LogInformation(
            "Vanishing-gradient run with {Activation} and {Initialization} init, depth {Depth}, width {Width}, {Samples} samples took {ElapsedMs:0.0} ms; first-to-last gradient ratio {Ratio:E3}",
            activation!.Name, initialization, depth, width, samples, watch.Elapsed.TotalMilliseconds, result.FirstToLastGradientRatio);

        return TypedResults.Ok(new VanishingGradientResponse(
            activation.Name, initialization.ToString().ToLowerInvariant(), depth, width, samples, seed,
            result.Layers, result.FirstToLastGradientRatio, result.Loss));
    }

    private static WeightInitialization ParseInitialization(string? name, RequestErrors errors)
    {
        switch (name ?? "standard")
        {
            case "standard":
                return WeightInitialization.Standard;
            case "xavier":
                return WeightInitialization.Xavier;
            case "he":
                return WeightInitialization.He;
            default:
                errors.Add("initialization", $"Unknown initialization '{name}'. Use standard, xavier or he.");
                return WeightInitialization.Standard;
        }
    }
}
