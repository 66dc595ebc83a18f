using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigmoidService.Api.OpenInference;

/// <summary>One input tensor: its data in row-major order, flat or nested, with its shape and datatype.</summary>
public sealed record InferenceRequestInput(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("shape")] IReadOnlyList<long>? Shape,
    [property: JsonPropertyName("datatype")] string? Datatype,
    [property: JsonPropertyName("parameters")] Dictionary<string, JsonElement>? Parameters,
    [property: JsonPropertyName("data")] JsonElement? Data);
