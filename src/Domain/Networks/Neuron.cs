using System.Numerics.Tensors;
using SigmoidService.Domain.Common;

namespace SigmoidService.Domain.Networks;

/// <summary>
/// A single artificial neuron: output = f(w·x + b) for an activation f, such as the sigmoid, which makes
/// it logistic regression's model.
/// </summary>
public static class Neuron
{
    /// <summary>
    /// Computes the pre-activations, outputs and local derivatives for each row of <paramref name="inputs"/>.
    /// The dot product is TensorPrimitives.Dot, so its rounding may differ from a sequential sum by a few ulps.
    /// </summary>
    /// <exception cref="InvalidInputException">An input row does not have one value per weight.</exception>
    public static NeuronForwardResult Forward(
        IReadOnlyList<double> weights,
        double bias,
        IReadOnlyList<IReadOnlyList<double>> inputs,
        ScalarFunction activation)
    {
        var w = weights.ToArray();
        var preActivations = new double[inputs.Count];
        var outputs = new double[inputs.Count];
        var derivatives = new double[inputs.Count];
        var row = new double[w.Length];
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (input.Count != w.Length)
            {
                throw new InvalidInputException($"inputs[{i}]",
                    $"The input has {input.Count} values but there are {w.Length} weights; each input needs one value per weight.");
            }

            for (var j = 0; j < row.Length; j++)
            {
                row[j] = input[j];
            }

            var z = TensorPrimitives.Dot(w, row) + bias;
            preActivations[i] = z;
            outputs[i] = activation.Value(z);
            derivatives[i] = activation.Derivative(z);
        }

        return new NeuronForwardResult(preActivations, outputs, derivatives);
    }
}
