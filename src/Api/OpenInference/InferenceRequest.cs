using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigmoidService.Api.OpenInference;

/// <summary>The body of <c>POST /v2/models/{name}/infer</c>.</summary>
public sealed record InferenceRequest(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("parameters")] Dictionary<string, JsonElement>? Parameters,
    [property: JsonPropertyName("inputs")] IReadOnlyList<InferenceRequestInput?>? Inputs,
    [property: JsonPropertyName("outputs")] IReadOnlyList<InferenceRequestOutput?>? Outputs);
