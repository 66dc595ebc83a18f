namespace SigmoidService.Inference.Models;

/// <summary>
/// Thrown at start-up when a required model cannot be used: its file or card is missing or unreadable,
/// the card's SHA-256 differs from the file's, or ONNX Runtime rejects the file. The message names the file.
/// </summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException()
    {
    }

    public ModelLoadException(string message)
        : base(message)
    {
    }

    public ModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
