namespace SigmoidService.Api.Models;

/// <summary>The probability that a review is positive, and the label at the model's threshold.</summary>
public sealed record SentimentPrediction(double Probability, SentimentLabel Label);
