using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SigmoidService.Api.Infrastructure;
using SigmoidService.Inference.Generation;
using SigmoidService.Inference.Models;

namespace SigmoidService.Api.Models;

/// <summary>
/// <c>POST /api/v1/models/mnist-vae-decoder/generate</c>: digits drawn by the decoder of the MNIST VAE, from
/// given latent vectors or from vectors sampled from the standard normal prior with a seed.
/// </summary>
public static class GenerationEndpoints
{
    public static RouteHandlerBuilder MapDigitGeneration(this IEndpointRouteBuilder group) =>
        group.MapPost($"/{ModelNames.MnistVaeDecoder}/generate", GenerateDigits)
            .WithName("GenerateDigits")
            .WithSummary("Draws digits with the VAE decoder")
            .WithDescription("Send {\"latent\": [[...]]} with vectors of the decoder's latent size, or {\"count\": 8, \"seed\": 1} "
                + "to sample that many vectors from the standard normal prior (the same seed gives the same digits; without "
                + "a seed one is chosen and returned). Answers each digit's latent vector, its 784 pixels (28 x 28, row-major, "
                + "in [0, 1], light ink on black) and a greyscale PNG in base64.")
            .WithRequestExample(new GenerateDigitsRequest(null, 8, 1))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    internal static Results<Ok<GenerateDigitsResponse>, ValidationProblem, ProblemHttpResult> GenerateDigits(
        GenerateDigitsRequest request,
        DigitGenerator generator,
        ModelRepository repository,
        IOptions<ServiceLimitsOptions> limits)
    {
        if (!repository.TryGetReady(ModelNames.MnistVaeDecoder, out var model))
        {
            return ModelEndpoints.Unavailable(new ModelUnavailableException(ModelNames.MnistVaeDecoder, repository.GetState(ModelNames.MnistVaeDecoder)));
        }

        var latentSize = checked((int)model.Inputs[0].Shape[1]);
        var maxImages = limits.Value.MaxImagesPerRequest;
        var errors = new RequestErrors();
        float[][] latents;
        int? seed = null;

        if (request.Latent is not null && (request.Count is not null || request.Seed is not null))
        {
            return RequestErrors.For("latent", "Send either latent vectors or a count (with an optional seed), not both.");
        }

        if (request.Latent is { } given)
        {
            latents = ValidateLatents(given, latentSize, maxImages, errors);
        }
        else if (request.Count is { } count)
        {
            if (count < 1 || count > maxImages)
            {
                return RequestErrors.For("count", $"The count must be between 1 and {maxImages}; got {count}.");
            }

            seed = request.Seed ?? Random.Shared.Next();
            latents = DigitGenerator.SampleLatents(count, latentSize, seed.Value);
        }
        else
        {
            return RequestErrors.For("latent", "Send latent vectors in 'latent', or a 'count' of digits to sample.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        try
        {
            var digits = generator.Generate(latents);
            var images = digits.Select(digit => new GeneratedImage(digit.Latent, digit.Pixels, digit.Png)).ToList();
            return TypedResults.Ok(new GenerateDigitsResponse(model.Name, model.Version, latentSize, seed, images));
        }
        catch (ModelUnavailableException exception)
        {
            return ModelEndpoints.Unavailable(exception);
        }
    }

    private static float[][] ValidateLatents(IReadOnlyList<IReadOnlyList<double>?> given, int latentSize, int maxImages, RequestErrors errors)
    {
        if (given.Count == 0 || given.Count > maxImages)
        {
            errors.Add("latent", $"Send between 1 and {maxImages} latent vectors; got {given.Count}.");
            return [];
        }

        var latents = new float[given.Count][];
        for (var i = 0; i < given.Count && errors.Count < RequestErrors.MaxReportedElements; i++)
        {
            var vector = given[i];
            if (vector is null || vector.Count != latentSize)
            {
                errors.Add($"latent[{i}]", $"A latent vector must have {latentSize} numbers, the decoder's latent size; got {vector?.Count ?? 0}.");
                continue;
            }

            latents[i] = new float[latentSize];
            for (var j = 0; j < latentSize; j++)
            {
                var value = vector[j];
                if (!errors.Finite(value, $"latent[{i}][{j}]"))
                {
                    continue;
                }

                if (Math.Abs(value) > float.MaxValue)
                {
                    errors.Add($"latent[{i}][{j}]", $"The value {value} is outside the single-precision range the decoder computes in.");
                    continue;
                }

                latents[i][j] = (float)value;
            }
        }

        return latents;
    }
}
