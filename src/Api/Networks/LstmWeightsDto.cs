namespace SigmoidService.Api.Networks;

/// <summary>LSTM parameters in PyTorch's LSTMCell layout, gate blocks in the order input, forget, cell, output.</summary>
/// <param name="InputHidden">weight_ih: 4·hidden rows of input size.</param>
/// <param name="HiddenHidden">weight_hh: 4·hidden rows of hidden size.</param>
/// <param name="InputBias">bias_ih: 4·hidden values.</param>
/// <param name="HiddenBias">bias_hh: 4·hidden values.</param>
public sealed record LstmWeightsDto(double[]?[]? InputHidden, double[]?[]? HiddenHidden, double[]? InputBias, double[]? HiddenBias);
