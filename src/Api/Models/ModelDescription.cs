using System.Text.Json;

namespace SigmoidService.Api.Models;

/// <summary>
/// A loaded model: its identity, tensors, the SHA-256 of its ONNX file, the decision threshold and the
/// validation metrics copied from its model card.
/// </summary>
public sealed record ModelDescription(
    string Name,
    string Version,
    string? Task,
    string State,
    IReadOnlyList<TensorInfo> Inputs,
    IReadOnlyList<TensorInfo> Outputs,
    string Sha256,
    double Threshold,
    JsonElement? Metrics);
