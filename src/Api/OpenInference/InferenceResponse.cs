using System.Text.Json.Serialization;

namespace SigmoidService.Api.OpenInference;

/// <summary>The response to an inference request.</summary>
public sealed record InferenceResponse(
    [property: JsonPropertyName("model_name")] string ModelName,
    [property: JsonPropertyName("model_version")] string ModelVersion,
    [property: JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id,
    [property: JsonPropertyName("outputs")] IReadOnlyList<InferenceResponseOutput> Outputs);
