using System.Numerics.Tensors;
using SigmoidService.Domain.Common;

namespace SigmoidService.Domain.Networks;

/// <summary>
/// The LSTM cell of PyTorch's <c>torch.nn.LSTMCell</c> (Hochreiter and Schmidhuber 1997, with a forget
/// gate), run over a sequence of inputs:
/// <code>
/// i = σ(W_ii x + b_ii + W_hi h + b_hi)    f = σ(W_if x + b_if + W_hf h + b_hf)
/// g = tanh(W_ig x + b_ig + W_hg h + b_hg) o = σ(W_io x + b_io + W_ho h + b_ho)
/// c' = f ⊙ c + i ⊙ g                      h' = o ⊙ tanh(c')
/// </code>
/// Agrees with PyTorch 1.13 in float64 within 1e-12 on the committed reference data.
/// </summary>
public static class LstmCell
{
    /// <summary>Runs the cell over <paramref name="inputs"/>, one step per row.</summary>
    /// <param name="weights">The parameters.</param>
    /// <param name="inputs">The input sequence, each row of <see cref="LstmWeights.InputSize"/> values.</param>
    /// <param name="hidden">The initial hidden state, or null for zeros.</param>
    /// <param name="cell">The initial cell state, or null for zeros.</param>
    /// <param name="sigmoid">The gate function σ.</param>
    /// <param name="tanh">The candidate and output squashing function.</param>
    /// <exception cref="InvalidInputException">A size does not match the weights; the field names the array and row.</exception>
    public static LstmStep[] Forward(
        LstmWeights weights,
        IReadOnlyList<IReadOnlyList<double>> inputs,
        IReadOnlyList<double>? hidden,
        IReadOnlyList<double>? cell,
        Func<double, double> sigmoid,
        Func<double, double> tanh)
    {
        var hiddenSize = weights.HiddenSize;
        var h = InitialState(hidden, hiddenSize, "hidden");
        var c = InitialState(cell, hiddenSize, "cell");
        var x = new double[weights.InputSize];
        var steps = new LstmStep[inputs.Count];
        for (var t = 0; t < inputs.Count; t++)
        {
            var input = inputs[t];
            if (input.Count != weights.InputSize)
            {
                throw new InvalidInputException($"inputs[{t}]",
                    $"The input has {input.Count} values but the weights take inputSize = {weights.InputSize}.");
            }

            for (var j = 0; j < x.Length; j++)
            {
                x[j] = input[j];
            }

            steps[t] = Step(weights, x, h, c, sigmoid, tanh);
            h = steps[t].Hidden;
            c = steps[t].Cell;
        }

        return steps;
    }

    private static LstmStep Step(
        LstmWeights weights, double[] x, double[] h, double[] c, Func<double, double> sigmoid, Func<double, double> tanh)
    {
        var size = weights.HiddenSize;
        var input = new double[size];
        var forget = new double[size];
        var candidate = new double[size];
        var output = new double[size];
        var nextCell = new double[size];
        var nextHidden = new double[size];
        for (var k = 0; k < size; k++)
        {
            input[k] = sigmoid(GatePreActivation(weights, 0 * size + k, x, h));
            forget[k] = sigmoid(GatePreActivation(weights, 1 * size + k, x, h));
            candidate[k] = tanh(GatePreActivation(weights, 2 * size + k, x, h));
            output[k] = sigmoid(GatePreActivation(weights, 3 * size + k, x, h));
            nextCell[k] = (forget[k] * c[k]) + (input[k] * candidate[k]);
            nextHidden[k] = output[k] * tanh(nextCell[k]);
        }

        return new LstmStep(nextHidden, nextCell, new LstmGates(input, forget, candidate, output));
    }

    // PyTorch adds the two products first and the two biases after: (W_ih x + b_ih) + (W_hh h + b_hh).
    private static double GatePreActivation(LstmWeights weights, int row, double[] x, double[] h) =>
        TensorPrimitives.Dot(weights.InputHidden[row], x) + weights.InputBias[row]
        + (TensorPrimitives.Dot(weights.HiddenHidden[row], h) + weights.HiddenBias[row]);

    private static double[] InitialState(IReadOnlyList<double>? state, int hiddenSize, string field)
    {
        if (state is null)
        {
            return new double[hiddenSize];
        }

        if (state.Count != hiddenSize)
        {
            throw new InvalidInputException(field, $"The state has {state.Count} values but the weights have hiddenSize = {hiddenSize}.");
        }

        return [.. state];
    }
}
