namespace SigmoidService.Api.Models;

/// <summary>The probability that a digit is a zero, and the label at the model's threshold.</summary>
public sealed record DigitPrediction(double Probability, bool IsZero);
