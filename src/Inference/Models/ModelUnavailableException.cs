namespace SigmoidService.Inference.Models;

/// <summary>Thrown when a request needs a model that is unknown, still warming up, or optional and missing.</summary>
public sealed class ModelUnavailableException : Exception
{
    public ModelUnavailableException()
    {
    }

    public ModelUnavailableException(string message)
        : base(message)
    {
    }

    public ModelUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ModelUnavailableException(string model, ModelState state)
        : base(state switch
        {
            ModelState.Unknown => $"There is no model named '{model}'.",
            ModelState.Loading => $"The model '{model}' is still warming up; retry in a moment.",
            _ => $"The model '{model}' is not available on this server.",
        })
    {
        Model = model;
        State = state;
    }

    public string? Model { get; }

    public ModelState State { get; }
}
