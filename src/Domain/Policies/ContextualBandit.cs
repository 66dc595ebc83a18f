using System.Numerics.Tensors;
using SigmoidService.Domain.Randomness;

namespace SigmoidService.Domain.Policies;

/// <summary>
/// A two-armed contextual bandit whose better arm depends linearly on the state. States are standard
/// normal vectors s; with z = θ·s + β, action 1 pays 1 with probability sigmoid(z) and action 0 pays 1 with
/// probability sigmoid(-z), else 0. The best policy therefore picks action 1 exactly when z &gt; 0, which a
/// sigmoid policy can represent.
/// </summary>
/// <remarks>
/// The hidden parameters come from the generator passed in: g (stateSize standard normals), then β
/// uniform in [-1, 1); θ = <see cref="SignalNorm"/> · g / ||g||.
/// </remarks>
public sealed class ContextualBandit
{
    /// <summary>||θ||, which sets how predictable the reward is: z has standard deviation 3.</summary>
    public const double SignalNorm = 3.0;

    private readonly double[] _trueWeights;
    private readonly Func<double, double> _sigmoid;

    /// <summary>Draws the hidden parameters from <paramref name="random"/>.</summary>
    public ContextualBandit(int stateSize, SeededRandom random, Func<double, double> sigmoid)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stateSize, 1);
        _sigmoid = sigmoid;
        _trueWeights = new double[stateSize];
        do
        {
            random.FillNormal(_trueWeights);
        }
        while (TensorPrimitives.Norm(_trueWeights) == 0);

        TensorPrimitives.Multiply(_trueWeights, SignalNorm / TensorPrimitives.Norm(_trueWeights), _trueWeights);
        TrueBias = random.NextUniform(-1, 1);
        OptimalReward = ComputeOptimalReward(TrueBias, sigmoid);
    }

    /// <summary>The length of a state vector.</summary>
    public int StateSize => _trueWeights.Length;

    /// <summary>θ.</summary>
    public IReadOnlyList<double> TrueWeights => _trueWeights;

    /// <summary>β.</summary>
    public double TrueBias { get; }

    /// <summary>
    /// E[max(sigmoid(z), sigmoid(-z))] = E[sigmoid(|z|)] with z ~ N(β, SignalNorm²): the expected reward of
    /// the best policy, by composite Simpson quadrature split at the kink z = 0 (absolute error below 1e-10).
    /// </summary>
    public double OptimalReward { get; }

    /// <summary>Fills <paramref name="state"/> with a fresh standard normal state.</summary>
    public static void SampleState(SeededRandom random, Span<double> state) => random.FillNormal(state);

    /// <summary>Returns the probability that <paramref name="action"/> pays 1 in <paramref name="state"/>.</summary>
    public double RewardProbability(ReadOnlySpan<double> state, int action)
    {
        var z = TensorPrimitives.Dot(_trueWeights, state) + TrueBias;
        return _sigmoid(action == 1 ? z : -z);
    }

    /// <summary>Draws the 0-or-1 reward of <paramref name="action"/> with one uniform from <paramref name="random"/>.</summary>
    public int Reward(ReadOnlySpan<double> state, int action, SeededRandom random) =>
        random.NextDouble() < RewardProbability(state, action) ? 1 : 0;

    private static double ComputeOptimalReward(double bias, Func<double, double> sigmoid)
    {
        // In standard units t = (z - β) / SignalNorm the kink sits at t0 = -β / SignalNorm.
        const double Reach = 12.0;
        var kink = -bias / SignalNorm;
        double Integrand(double t) => sigmoid(Math.Abs(bias + (SignalNorm * t))) * Math.Exp(-0.5 * t * t) / Math.Sqrt(2 * Math.PI);
        return Simpson(Integrand, -Reach, kink, 4000) + Simpson(Integrand, kink, Reach, 4000);
    }

    private static double Simpson(Func<double, double> f, double a, double b, int intervals)
    {
        var h = (b - a) / intervals;
        var sum = f(a) + f(b);
        for (var i = 1; i < intervals; i++)
        {
            sum += f(a + (i * h)) * (i % 2 == 1 ? 4 : 2);
        }

        return sum * h / 3;
    }
}
