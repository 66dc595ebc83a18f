using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SigmoidService.Api.Infrastructure;
using SigmoidService.Domain.Softmax;

namespace SigmoidService.Api.Softmax;

/// <summary>The softmax endpoint.</summary>
public static class SoftmaxEndpoints
{
    public static RouteHandlerBuilder MapSoftmax(this IEndpointRouteBuilder app) =>
        app.MapPost("/softmax", EvaluateSoftmax)
            .WithTags("Activations")
            .WithName("Softmax")
            .WithSummary("Softmax and log-softmax with a temperature")
            .WithDescription("p_i = exp(z_i) / sum_j exp(z_j) with z_i = logits_i / temperature, and log p_i. The maximum "
                + "is subtracted first, so [-10000, -10000] gives [0.5, 0.5]. \"Infinity\" logits share the probability "
                + "equally; \"-Infinity\" logits get 0 and a log-probability of \"-Infinity\". temperature defaults to 1 and "
                + "must be finite and greater than 0.")
            .WithRequestExample(new { logits = new[] { -10000.0, -10000.0, -10001.0 }, temperature = 1.0 });

    internal static Results<Ok<SoftmaxResponse>, ValidationProblem> EvaluateSoftmax(
        SoftmaxRequest body,
        IOptions<ServiceLimitsOptions> limits)
    {
        var errors = new RequestErrors();
        errors.ValidNumbers(body.Logits, "logits", limits.Value.MaxNumbersPerRequest, allowInfinity: true);
        var temperature = body.Temperature ?? 1.0;
        if (errors.Finite(temperature, "temperature") && temperature <= 0)
        {
            errors.Add("temperature", $"The temperature must be greater than 0, but was {temperature}.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var result = SoftmaxFunction.Evaluate(body.Logits, temperature);
        return TypedResults.Ok(new SoftmaxResponse(result.Probabilities, result.LogProbabilities));
    }
}
