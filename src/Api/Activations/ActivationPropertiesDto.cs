namespace SigmoidService.Api.Activations;

/// <summary>Shape properties with the default parameters.</summary>
public sealed record ActivationPropertiesDto(bool Bounded, bool Monotonic, bool ZeroCentered, bool Smooth);
