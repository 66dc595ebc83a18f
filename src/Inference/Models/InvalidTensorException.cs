namespace SigmoidService.Inference.Models;

/// <summary>
/// Thrown when an input tensor does not fit the model: an unknown or missing name, a wrong element type,
/// a shape that differs from the declared one, or data whose length differs from the shape's product.
/// </summary>
public sealed class InvalidTensorException : Exception
{
    public InvalidTensorException()
    {
    }

    public InvalidTensorException(string message)
        : base(message)
    {
    }

    public InvalidTensorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
