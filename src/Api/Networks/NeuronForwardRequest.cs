namespace SigmoidService.Api.Networks;

/// <summary>One neuron applied to a batch of inputs.</summary>
/// <param name="Weights">w, one per input feature.</param>
/// <param name="Bias">b; 0 when absent.</param>
/// <param name="Activation">A catalogue activation name; sigmoid when absent.</param>
/// <param name="Parameters">Parameters of the activation, such as alpha of leaky-relu.</param>
/// <param name="Inputs">The inputs, one row per example, each with one value per weight.</param>
public sealed record NeuronForwardRequest(
    double[]? Weights,
    double? Bias,
    string? Activation,
    Dictionary<string, double>? Parameters,
    double[]?[]? Inputs);
