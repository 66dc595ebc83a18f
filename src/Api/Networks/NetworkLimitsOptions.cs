using System.ComponentModel.DataAnnotations;

namespace SigmoidService.Api.Networks;

/// <summary>
/// Size limits of the neural-network building blocks, the sigmoid policy and formula evaluation, so that
/// no request runs for more than a moment. Bound from the <c>NetworkLimits</c> configuration section and
/// validated at start-up.
/// </summary>
/// <remarks>
/// NOTE: the work limits (multiply-adds and activation evaluations) are sized so that one request takes
/// well under two seconds on one core of a current x64 server; slower machines may want smaller values.
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
    public long MaxVanishingGradientUnits { get; set; } = 4_000_000;

    /// <summary>Maximum state size of a REINFORCE run.</summary>
    [Range(1, 100_000)]
    public int MaxStateSize { get; set; } = 256;

    /// <summary>Maximum count of REINFORCE episodes.</summary>
    [Range(1, 100_000_000)]
    public int MaxEpisodes { get; set; } = 200_000;

    /// <summary>Maximum count of learning-curve points of a REINFORCE run.</summary>
    [Range(1, 100_000)]
    public int MaxCurvePoints { get; set; } = 200;

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
}
