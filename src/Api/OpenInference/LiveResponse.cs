using System.Text.Json.Serialization;

namespace SigmoidService.Api.OpenInference;

/// <summary>The response to <c>GET /v2/health/live</c>.</summary>
public sealed record LiveResponse([property: JsonPropertyName("live")] bool Live);
