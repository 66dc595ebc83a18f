using System.Text.Json.Serialization;

namespace SigmoidService.Api.OpenInference;

/// <summary>One output tensor, its data flat in row-major order.</summary>
public sealed record InferenceResponseOutput(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("datatype")] string Datatype,
    [property: JsonPropertyName("shape")] IReadOnlyList<long> Shape,
    [property: JsonPropertyName("data")] object Data);
