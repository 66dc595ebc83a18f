namespace SigmoidService.Domain.Networks;

/// <summary>The outcome of one run of the vanishing-gradient experiment.</summary>
/// <param name="Layers">Per hidden layer, from the input side to the output side.</param>
/// <param name="FirstToLastGradientRatio">
/// GradientNorm of layer 1 divided by that of the last layer: far below 1 when gradients vanish toward the
/// input, near 1 when they flow, above 1 when they explode. NaN or infinite when the last norm is 0.
/// </param>
/// <param name="Loss">The loss L = (1 / 2N) Σ ||a_L - t||² on the batch.</param>
public sealed record VanishingGradientResult(IReadOnlyList<LayerStatistics> Layers, double FirstToLastGradientRatio, double Loss);
