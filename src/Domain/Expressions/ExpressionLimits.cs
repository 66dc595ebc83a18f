namespace SigmoidService.Domain.Expressions;

/// <summary>
/// Bounds that keep parsing, differentiating and printing a formula small in time and memory.
/// </summary>
/// <param name="MaxLength">Maximum formula length, in characters.</param>
/// <param name="MaxNesting">Maximum nesting depth: parentheses, function calls, unary signs and the right-hand sides of ^ each add a level.</param>
/// <param name="MaxNodes">Maximum count of numbers, names and operations in the parsed formula.</param>
/// <param name="MaxDerivativeNodes">Maximum count of nodes in the written-out derivative formula.</param>
public sealed record ExpressionLimits(int MaxLength, int MaxNesting, int MaxNodes, int MaxDerivativeNodes)
{
    /// <summary>The defaults: 1000 characters, 32 levels, 256 nodes and 100,000 derivative nodes.</summary>
    public static ExpressionLimits Default { get; } = new(1000, 32, 256, 100_000);
}
