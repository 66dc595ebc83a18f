namespace SigmoidService.Domain.Activations;

/// <summary>Shape properties of an activation with its default parameters.</summary>
/// <param name="Bounded">Whether the range is bounded above and below.</param>
/// <param name="Monotonic">Whether the function is non-decreasing everywhere.</param>
/// <param name="ZeroCentered">Whether f(0) = 0 and the function takes both signs.</param>
/// <param name="Smooth">Whether the function is infinitely differentiable on its domain.</param>
public sealed record ActivationProperties(bool Bounded, bool Monotonic, bool ZeroCentered, bool Smooth);
