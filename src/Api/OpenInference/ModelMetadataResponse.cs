using System.Text.Json.Serialization;

namespace SigmoidService.Api.OpenInference;

/// <summary>The response to <c>GET /v2/models/{name}</c>.</summary>
public sealed record ModelMetadataResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("versions")] IReadOnlyList<string> Versions,
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("inputs")] IReadOnlyList<MetadataTensor> Inputs,
    [property: JsonPropertyName("outputs")] IReadOnlyList<MetadataTensor> Outputs);
