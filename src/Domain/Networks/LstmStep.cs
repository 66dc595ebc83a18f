namespace SigmoidService.Domain.Networks;

/// <summary>The state of an LSTM cell after one input.</summary>
/// <param name="Hidden">h' = o ⊙ tanh(c').</param>
/// <param name="Cell">c' = f ⊙ c + i ⊙ g.</param>
/// <param name="Gates">The gate activations that produced this step.</param>
public sealed record LstmStep(double[] Hidden, double[] Cell, LstmGates Gates);
