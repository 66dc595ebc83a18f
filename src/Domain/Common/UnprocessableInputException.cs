namespace SigmoidService.Domain.Common;

/// <summary>
/// Thrown when an input is well formed but the computation cannot be carried out on it, such as a
/// logistic-regression fit whose labels are all one class. The API maps it to 422.
/// </summary>
public sealed class UnprocessableInputException : Exception
{
    public UnprocessableInputException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public UnprocessableInputException()
        : this(string.Empty, "The input cannot be processed.")
    {
    }

    public UnprocessableInputException(string message)
        : this(string.Empty, message)
    {
    }

    public UnprocessableInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>The request field the problem is about, or empty when it concerns the whole request.</summary>
    public string Field { get; }
}
