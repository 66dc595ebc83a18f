namespace SigmoidService.Api.Models;

/// <summary>The sentiment of a review.</summary>
public enum SentimentLabel
{
    Negative,
    Positive,
}
