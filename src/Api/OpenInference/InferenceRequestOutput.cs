using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigmoidService.Api.OpenInference;

/// <summary>An output the client asks for by name; without any, every output is returned.</summary>
public sealed record InferenceRequestOutput(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("parameters")] Dictionary<string, JsonElement>? Parameters);
