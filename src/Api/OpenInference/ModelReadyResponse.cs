using System.Text.Json.Serialization;

namespace SigmoidService.Api.OpenInference;

/// <summary>The response to <c>GET /v2/models/{name}/ready</c>: 200 when the model serves, 503 while it cannot.</summary>
public sealed record ModelReadyResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("ready")] bool Ready);
