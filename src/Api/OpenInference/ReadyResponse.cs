using System.Text.Json.Serialization;

namespace SigmoidService.Api.OpenInference;

/// <summary>The response to <c>GET /v2/health/ready</c>: 200 when every model is warmed up, 503 before.</summary>
public sealed record ReadyResponse([property: JsonPropertyName("ready")] bool Ready);
