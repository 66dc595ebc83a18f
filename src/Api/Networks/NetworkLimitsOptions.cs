using System.ComponentModel.DataAnnotations;

namespace SigmoidService.Api.Networks;

/// <summary>
/// Size limits of the neural-network building blocks, the sigmoid policy and formula evaluation, so that
/// no request runs for more than a moment. Bound from the <c>NetworkLimits</c> configuration section and
/// validated at start-up.
/// </summary>
/// <remarks>
/// NOTE: the work limits are estimates from timing the largest allowed requests in a Release build on a
/// shared 2-core x64 machine at a load average near 20, where each took at most about 2 s (an erf-heavy
/// formula at the call limit about 1.5 s). An idle machine runs them several times faster.
/// </remarks>
public sealed class NetworkLimitsOptions
{
    public const string SectionName = "NetworkLimits";

    /// <summary>Maximum count of weights of one neuron or policy.</summary>
    [Range(1, 1_000_000)]
    public int MaxWeights { get; set; } = 10_000;

    /// <summary>Maximum count of input rows (neuron inputs, policy states) in one request.</summary>
    [Range(1, 10_000_000)]
    public int MaxRows { get; set; } = 100_000;

    /// <summary>Maximum count of grid points along each axis of a decision-boundary grid.</summary>
    [Range(2, 10_000)]
    public int MaxGridPoints { get; set; } = 1000;

    /// <summary>Maximum LSTM input size.</summary>
    [Range(1, 100_000)]
    public int MaxLstmInputSize { get; set; } = 1024;

    /// <summary>Maximum LSTM hidden size.</summary>
    [Range(1, 100_000)]
    public int MaxLstmHiddenSize { get; set; } = 1024;

    /// <summary>Maximum count of LSTM steps (sequence length).</summary>
    [Range(1, 1_000_000)]
    public int MaxLstmSteps { get; set; } = 10_000;

    /// <summary>Maximum LSTM work: steps × 4 × hidden × (input + hidden) multiply-adds.</summary>
    [Range(1, 100_000_000_000)]
    public long MaxLstmMultiplyAdds { get; set; } = 200_000_000;

    /// <summary>Maximum depth (hidden layers) of the vanishing-gradient network.</summary>
    [Range(1, 10_000)]
    public int MaxDepth { get; set; } = 200;

    /// <summary>Maximum width (units per layer) of the vanishing-gradient network.</summary>
    [Range(1, 100_000)]
    public int MaxWidth { get; set; } = 1024;

    /// <summary>Maximum batch size of the vanishing-gradient experiment.</summary>
    [Range(1, 1_000_000)]
    public int MaxSamples { get; set; } = 4096;

    /// <summary>Maximum vanishing-gradient work: 3 × depth × samples × width² multiply-adds (forward, backward, weight gradient).</summary>
    [Range(1, 100_000_000_000)]
    public long MaxVanishingGradientMultiplyAdds { get; set; } = 300_000_000;

    /// <summary>Maximum count of activation evaluations in the vanishing-gradient experiment: depth × samples × width.</summary>
    [Range(1, 10_000_000_000)]
    public long MaxVanishingGradientUnits { get; set; } = 1_000_000;

    /// <summary>Maximum state size of a REINFORCE run.</summary>
    [Range(1, 100_000)]
    public int MaxStateSize { get; set; } = 64;

    /// <summary>Maximum count of REINFORCE episodes.</summary>
    [Range(1, 100_000_000)]
    public int MaxEpisodes { get; set; } = 50_000;

    /// <summary>Maximum count of learning-curve points of a REINFORCE run.</summary>
    [Range(1, 100_000)]
    public int MaxCurvePoints { get; set; } = 100;

    /// <summary>Maximum formula length, in characters.</summary>
    [Range(1, 1_000_000)]
    public int MaxExpressionLength { get; set; } = 1000;

    /// <summary>Maximum nesting depth of a formula: parentheses, calls, unary signs and exponents.</summary>
    [Range(1, 1000)]
    public int MaxExpressionNesting { get; set; } = 32;

    /// <summary>Maximum count of numbers, names and operations in a formula.</summary>
    [Range(1, 100_000)]
    public int MaxExpressionNodes { get; set; } = 256;

    /// <summary>Maximum size of the written-out derivative formula, in nodes.</summary>
    [Range(1, 10_000_000)]
    public int MaxExpressionDerivativeNodes { get; set; } = 100_000;

    /// <summary>Maximum count of x values at which a formula is evaluated.</summary>
    [Range(1, 10_000_000)]
    public int MaxExpressionPoints { get; set; } = 100_000;

    /// <summary>Maximum formula work: points × nodes.</summary>
    [Range(1, 10_000_000_000)]
    public long MaxExpressionOperations { get; set; } = 10_000_000;

    /// <summary>
    /// Maximum count of function calls: points × calls per evaluation. A call of erf or sigmoid runs the
    /// catalogue's double-double kernel, which costs up to a few microseconds.
    /// </summary>
    [Range(1, 10_000_000_000)]
    public long MaxExpressionFunctionCalls { get; set; } = 200_000;
}
