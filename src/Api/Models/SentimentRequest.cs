namespace SigmoidService.Api.Models;

/// <summary>Movie reviews to classify.</summary>
public sealed record SentimentRequest(IReadOnlyList<string?>? Texts);
