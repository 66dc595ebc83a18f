using System.Text.Json.Serialization;

namespace SigmoidService.Api.OpenInference;

/// <summary>The Open Inference Protocol's error body: <c>{"error": "..."}</c>.</summary>
public sealed record OpenInferenceError([property: JsonPropertyName("error")] string Error);
