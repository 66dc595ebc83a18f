namespace SigmoidService.Inference.Digits;

/// <summary>Thrown when an uploaded image cannot be decoded or contains no digit. <see cref="Reason"/> gives the cause.</summary>
public sealed class InvalidImageException : Exception
{
    public InvalidImageException()
    {
    }

    public InvalidImageException(string message)
        : base(message)
    {
    }

    public InvalidImageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidImageException(ImageRejection reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    public ImageRejection Reason { get; }
}
