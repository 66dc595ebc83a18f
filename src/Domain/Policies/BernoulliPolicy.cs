using System.Numerics.Tensors;
using SigmoidService.Domain.Common;
using SigmoidService.Domain.Randomness;

namespace SigmoidService.Domain.Policies;

/// <summary>
/// A stochastic policy over two actions: action 1 with probability π(1 | s) = sigmoid(w·s + b), else
/// action 0. Its score function is ∇ log π(a | s) = (a - π(1 | s)) (s, 1), which REINFORCE follows.
/// </summary>
public sealed class BernoulliPolicy
{
    private readonly double[] _weights;
    private readonly Func<double, double> _sigmoid;

    /// <summary>Creates the policy.</summary>
    /// <param name="weights">w, one per state feature.</param>
    /// <param name="bias">b.</param>
    /// <param name="sigmoid">The logistic function.</param>
    public BernoulliPolicy(IReadOnlyList<double> weights, double bias, Func<double, double> sigmoid)
    {
        _weights = [.. weights];
        Bias = bias;
        _sigmoid = sigmoid;
    }

    /// <summary>w.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>b.</summary>
    public double Bias { get; }

    /// <summary>Returns π(1 | s) = sigmoid(w·s + b).</summary>
    public double Probability(ReadOnlySpan<double> state) => _sigmoid(TensorPrimitives.Dot(_weights, state) + Bias);

    /// <summary>
    /// Draws one action per state: with u the next <see cref="SeededRandom.NextDouble"/> of a generator
    /// seeded with <paramref name="seed"/>, the action is 1 when u &lt; π(1 | s), so the same seed and states
    /// always give the same actions.
    /// </summary>
    /// <exception cref="InvalidInputException">A state does not have one value per weight.</exception>
    public BernoulliPolicySample Sample(IReadOnlyList<IReadOnlyList<double>> states, ulong seed)
    {
        var random = new SeededRandom(seed);
        var probabilities = new double[states.Count];
        var actions = new int[states.Count];
        var state = new double[_weights.Length];
        for (var i = 0; i < states.Count; i++)
        {
            if (states[i].Count != _weights.Length)
            {
                throw new InvalidInputException($"states[{i}]",
                    $"The state has {states[i].Count} values but there are {_weights.Length} weights; each state needs one value per weight.");
            }

            for (var j = 0; j < state.Length; j++)
            {
                state[j] = states[i][j];
            }

            probabilities[i] = Probability(state);
            actions[i] = random.NextDouble() < probabilities[i] ? 1 : 0;
        }

        return new BernoulliPolicySample(probabilities, actions);
    }
}
