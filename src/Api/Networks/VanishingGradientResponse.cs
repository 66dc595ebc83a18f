using SigmoidService.Domain.Networks;

namespace SigmoidService.Api.Networks;

/// <summary>Per-layer activation and gradient statistics of one run, with the settings that produced them.</summary>
/// <param name="Activation">The activation name.</param>
/// <param name="Initialization">The weight initialisation.</param>
/// <param name="Depth">Hidden layers.</param>
/// <param name="Width">Units per layer.</param>
/// <param name="Samples">Batch size.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Layers">One entry per hidden layer, layer 1 next to the input.</param>
/// <param name="FirstToLastGradientRatio">Gradient norm of layer 1 over that of the last layer.</param>
/// <param name="Loss">The mean squared-error loss on the batch.</param>
public sealed record VanishingGradientResponse(
    string Activation,
    string Initialization,
    int Depth,
    int Width,
    int Samples,
    long Seed,
    IReadOnlyList<LayerStatistics> Layers,
    double FirstToLastGradientRatio,
    double Loss);
