namespace SigmoidService.Domain.Expressions;

/// <summary>
/// Thrown when a formula cannot be parsed or exceeds a limit. <see cref="Position"/> is the 1-based
/// character position of the offending token, so that a client can point at it.
/// </summary>
public sealed class ExpressionSyntaxException : Exception
{
    public ExpressionSyntaxException(int position, string message)
        : base(message)
    {
        Position = position;
    }

    public ExpressionSyntaxException()
        : this(1, "The expression is invalid.")
    {
    }

    public ExpressionSyntaxException(string message)
        : this(1, message)
    {
    }

    public ExpressionSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Position = 1;
    }

    /// <summary>The 1-based character position where parsing failed.</summary>
    public int Position { get; }
}
