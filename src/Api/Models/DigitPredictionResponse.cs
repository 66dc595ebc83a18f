namespace SigmoidService.Api.Models;

/// <summary>One prediction per input image, in input order.</summary>
public sealed record DigitPredictionResponse(string Model, string Version, IReadOnlyList<DigitPrediction> Predictions);
