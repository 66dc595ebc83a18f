using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SigmoidService.Api.Infrastructure;
using SigmoidService.Domain.Datasets;

namespace SigmoidService.Api.Datasets;

/// <summary>Synthetic data sets under <c>/datasets</c>.</summary>
public static class DatasetEndpoints
{
    public static RouteGroupBuilder MapDatasets(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/datasets").WithTags("Datasets");

        group.MapPost("/classification", GenerateClassification)
            .WithName("GenerateClassificationDataset")
            .WithSummary("Generates a seeded binary classification data set like scikit-learn's make_classification")
            .WithDescription("Each class gets clustersPerClass Gaussian clusters centred on distinct vertices of the hypercube "
                + "[-classSep, classSep]^informative, each with its own random covariance. Redundant columns are random linear "
                + "combinations of the informative ones, repeated columns copy some of them, the rest is standard normal noise. "
                + "weights [w] gives the negative-class share; flipY replaces that share of labels by a random class; every value "
                + "becomes (value + shift) * scale; rows are shuffled unless shuffle is false. Columns come in the order "
                + "informative, redundant, repeated, noise. The same parameters and seed always give the same data, from the "
                + "service's own SplitMix64 stream, so the numbers differ from scikit-learn's.")
            .WithRequestExample(new ClassificationDatasetRequest(Samples: 200, Features: 5, Informative: 2, Redundant: 1, Weights: [0.7], Seed: 42))
            .ProducesValidationProblem();

        return group;
    }

    internal static Results<Ok<ClassificationDatasetResponse>, ValidationProblem> GenerateClassification(
        ClassificationDatasetRequest request, IOptions<ServiceLimitsOptions> limits, ILoggerFactory loggers)
    {
        var defaults = new ClassificationDataOptions();
        var errors = new RequestErrors();
        var samples = request.Samples ?? defaults.Samples;
        var features = request.Features ?? defaults.Features;
        var maxNumbers = limits.Value.MaxNumbersPerRequest;
        if (samples > 0 && features > 0 && (long)samples * features > maxNumbers)
        {
            errors.Add("samples", $"samples * features is {(long)samples * features}, more than the limit of {maxNumbers} numbers.");
        }

        double? negativeWeight = null;
        if (request.Weights is { } weights)
        {
            if (weights.Length != 1)
            {
                errors.Add("weights", "Give one weight, the share of the negative class, as in make_classification's weights for two classes.");
            }
            else
            {
                negativeWeight = weights[0];
            }
        }

        if (request.FlipY is { } flip)
        {
            errors.Finite(flip, "flipY");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var options = new ClassificationDataOptions
        {
            Samples = samples,
            Features = features,
            Informative = request.Informative ?? defaults.Informative,
            Redundant = request.Redundant ?? defaults.Redundant,
            Repeated = request.Repeated ?? defaults.Repeated,
            ClustersPerClass = request.ClustersPerClass ?? defaults.ClustersPerClass,
            NegativeWeight = negativeWeight,
            FlipY = request.FlipY ?? defaults.FlipY,
            ClassSep = request.ClassSep ?? defaults.ClassSep,
            Hypercube = request.Hypercube ?? defaults.Hypercube,
            Shift = request.Shift ?? defaults.Shift,
            Scale = request.Scale ?? defaults.Scale,
            Shuffle = request.Shuffle ?? defaults.Shuffle,
            Seed = request.Seed ?? defaults.Seed,
        };

        // The generator names the bad option in an InvalidInputException, which becomes a 400.
        var watch = Stopwatch.StartNew();
        var data = ClassificationDataGenerator.Generate(options);
        var rows = new double[samples][];
        for (var i = 0; i < samples; i++)
        {
            rows[i] = data.Features.Row(i).ToArray();
        }

        loggers.CreateLogger("SigmoidService.Api.Datasets").LogInformation(
            "Generated a classification data set of {Samples} x {Features} in {ElapsedMs:0.0} ms", samples, features, watch.Elapsed.TotalMilliseconds);
        return TypedResults.Ok(new ClassificationDatasetResponse(
            rows, [.. data.Labels], samples, features, options.Informative, options.Redundant, options.Repeated, options.Seed));
    }
}
