using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SigmoidService.Api.Infrastructure;
using SigmoidService.Inference.Models;
using SigmoidService.Inference.Sentiment;

namespace SigmoidService.Api.Models;

/// <summary>
/// <c>POST /api/v1/models/imdb-sentiment/predict</c>: is a movie review positive? The texts are tokenised
/// exactly as in training and run as one batch.
/// </summary>
public static class SentimentEndpoints
{
    public static RouteHandlerBuilder MapSentimentPrediction(this IEndpointRouteBuilder group) =>
        group.MapPost($"/{ModelNames.ImdbSentiment}/predict", PredictSentiment)
            .WithName("PredictSentiment")
            .WithSummary("Tells whether movie reviews are positive")
            .WithDescription("Send {\"texts\": [\"...\"]} with one or more reviews in English. Answers, in input order, the "
                + "model's probability that each review is positive and the label at the model card's threshold.")
            .WithRequestExample(new SentimentRequest([
                "One of the best films I have seen this year: warm, funny and beautifully shot.",
                "A tedious plot, wooden acting and an ending that made no sense. Avoid it.",
            ]))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    internal static Results<Ok<SentimentResponse>, ValidationProblem, ProblemHttpResult> PredictSentiment(
        SentimentRequest request,
        SentimentClassifier classifier,
        IOptions<ServiceLimitsOptions> limits)
    {
        var errors = new RequestErrors();
        var texts = Validate(request, limits.Value, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        try
        {
            // A review of markup or punctuation alone has no words for the model to read, so its output
            // would be the model's bias, not an opinion about the review.
            var rows = classifier.Encode(texts);
            for (var i = 0; i < rows.Count && errors.Count < RequestErrors.MaxReportedElements; i++)
            {
                if (classifier.HasNoTokens(rows[i]))
                {
                    errors.Add($"texts[{i}]", "The review has no words, only markup, whitespace or punctuation; send some text.");
                }
            }

            if (errors.HasErrors)
            {
                return errors.ToProblem();
            }

            var result = classifier.Classify(rows);
            var predictions = result.Probabilities
                .Select((probability, i) => new SentimentPrediction(
                    probability, result.IsPositive(i) ? SentimentLabel.Positive : SentimentLabel.Negative))
                .ToList();
            return TypedResults.Ok(new SentimentResponse(result.Model, result.Version, predictions));
        }
        catch (ModelUnavailableException exception)
        {
            return ModelEndpoints.Unavailable(exception);
        }
    }

    private static List<string> Validate(SentimentRequest request, ServiceLimitsOptions limits, RequestErrors errors)
    {
        var texts = new List<string>();
        if (!errors.Required(request.Texts, "texts"))
        {
            return texts;
        }

        var given = request.Texts!;
        if (given.Count == 0)
        {
            errors.Add("texts", "The array must hold at least one review.");
            return texts;
        }

        if (given.Count > limits.MaxTextsPerRequest)
        {
            errors.Add("texts", $"The request has {given.Count} texts, more than the limit of {limits.MaxTextsPerRequest}.");
            return texts;
        }

        for (var i = 0; i < given.Count && errors.Count < RequestErrors.MaxReportedElements; i++)
        {
            var text = given[i];
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add($"texts[{i}]", "The review is empty; send some text.");
            }
            else if (text.Length > limits.MaxTextLength)
            {
                errors.Add($"texts[{i}]", $"The review has {text.Length} characters, more than the limit of {limits.MaxTextLength}.");
            }
            else
            {
                texts.Add(text);
            }
        }

        return texts;
    }
}
