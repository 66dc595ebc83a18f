namespace SigmoidService.Api.Activations;

/// <summary>A parameter with its default value.</summary>
public sealed record ActivationParameterDto(string Name, double Default, string Description);
