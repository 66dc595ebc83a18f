namespace SigmoidService.Api.Activations;

/// <summary>The activation catalogue, in a fixed order.</summary>
public sealed record ActivationCatalogResponse(IReadOnlyList<ActivationDescription> Activations);
