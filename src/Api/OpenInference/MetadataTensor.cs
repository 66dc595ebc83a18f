using System.Text.Json.Serialization;

namespace SigmoidService.Api.OpenInference;

/// <summary>An input or output in model metadata: name, protocol datatype (such as <c>FP32</c>) and shape, -1 where dynamic.</summary>
public sealed record MetadataTensor(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("datatype")] string Datatype,
    [property: JsonPropertyName("shape")] IReadOnlyList<long> Shape);
