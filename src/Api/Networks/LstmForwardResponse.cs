using SigmoidService.Domain.Networks;

namespace SigmoidService.Api.Networks;

/// <summary>The cell's state and gates after every step, and the weights when they were seeded.</summary>
/// <param name="Steps">One entry per input row.</param>
/// <param name="Weights">The seeded weights, so that a client can reproduce the run; null for explicit weights.</param>
public sealed record LstmForwardResponse(IReadOnlyList<LstmStep> Steps, LstmWeightsDto? Weights);
