namespace SigmoidService.Api.Expressions;

/// <summary>A formula in x and the points to evaluate it at.</summary>
/// <param name="Expression">The formula, such as <c>1 / (1 + exp(-2 * x))</c>.</param>
/// <param name="X">The points; "Infinity" and "-Infinity" are accepted, NaN is not.</param>
public sealed record EvaluateExpressionRequest(string? Expression, double[]? X);
