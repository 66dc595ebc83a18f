namespace SigmoidService.Domain.Networks;

/// <summary>The gate activations of one LSTM step, each of hidden size.</summary>
/// <param name="Input">i = sigmoid(W_ii x + b_ii + W_hi h + b_hi): how much of the candidate enters the cell.</param>
/// <param name="Forget">f = sigmoid(W_if x + b_if + W_hf h + b_hf): how much of the old cell state is kept.</param>
/// <param name="Cell">g = tanh(W_ig x + b_ig + W_hg h + b_hg): the candidate cell state.</param>
/// <param name="Output">o = sigmoid(W_io x + b_io + W_ho h + b_ho): how much of tanh(c) is exposed as h.</param>
public sealed record LstmGates(double[] Input, double[] Forget, double[] Cell, double[] Output);
