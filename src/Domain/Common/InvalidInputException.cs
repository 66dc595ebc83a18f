namespace SigmoidService.Domain.Common;

/// <summary>
/// Thrown by domain code when an input is outside the domain of the computation. The API maps it to a
/// 400 validation problem that names <see cref="Field"/>.
/// </summary>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public InvalidInputException()
        : this(string.Empty, "The input is invalid.")
    {
    }

    public InvalidInputException(string message)
        : this(string.Empty, message)
    {
    }

    public InvalidInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>The offending request field, with its index where it is an array element.</summary>
    public string Field { get; }
}
