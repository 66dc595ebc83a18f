namespace SigmoidService.Api.Networks;

/// <summary>
/// An LSTM cell run over a sequence: either explicit <see cref="Weights"/>, or <see cref="InputSize"/>,
/// <see cref="HiddenSize"/> and <see cref="Seed"/> for seeded weights.
/// </summary>
/// <param name="Inputs">The sequence, one row per step.</param>
/// <param name="Hidden">The initial hidden state; zeros when absent.</param>
/// <param name="Cell">The initial cell state; zeros when absent.</param>
/// <param name="Weights">Explicit weights.</param>
/// <param name="InputSize">The input size of seeded weights.</param>
/// <param name="HiddenSize">The hidden size of seeded weights.</param>
/// <param name="Seed">The seed of seeded weights; 1 when absent.</param>
public sealed record LstmForwardRequest(
    double[]?[]? Inputs,
    double[]? Hidden,
    double[]? Cell,
    LstmWeightsDto? Weights,
    int? InputSize,
    int? HiddenSize,
    long? Seed);
