namespace SigmoidService.Api.Activations;

/// <summary>An interval; infinite ends are written as "Infinity" and "-Infinity".</summary>
public sealed record ActivationRangeDto(double Min, double Max);
