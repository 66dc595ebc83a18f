namespace SigmoidService.Api.Softmax;

/// <summary>The body of POST /api/v1/softmax.</summary>
public sealed record SoftmaxRequest
{
    /// <summary>The logits; "Infinity" and "-Infinity" are accepted, NaN is not.</summary>
    public double[]? Logits { get; init; }

    /// <summary>The temperature T the logits are divided by; finite and greater than 0, default 1.</summary>
    public double? Temperature { get; init; }
}
