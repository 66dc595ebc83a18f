namespace SigmoidService.Api.Models;

/// <summary>One prediction per review, in input order.</summary>
public sealed record SentimentResponse(string Model, string Version, IReadOnlyList<SentimentPrediction> Predictions);
