namespace SigmoidService.Api.Networks;

/// <summary>Settings of the vanishing-gradient experiment.</summary>
/// <param name="Activation">A catalogue activation name; sigmoid when absent.</param>
/// <param name="Parameters">Parameters of the activation.</param>
/// <param name="Depth">Hidden layers; 10 when absent.</param>
/// <param name="Width">Units per layer and input size; 64 when absent.</param>
/// <param name="Initialization">standard, xavier or he; standard when absent.</param>
/// <param name="Samples">Batch size; 256 when absent.</param>
/// <param name="Seed">The seed of inputs, targets and weights; 1 when absent.</param>
public sealed record VanishingGradientRequest(
    string? Activation,
    Dictionary<string, double>? Parameters,
    int? Depth,
    int? Width,
    string? Initialization,
    int? Samples,
    long? Seed);
