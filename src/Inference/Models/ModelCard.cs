using System.Text.Json;

namespace SigmoidService.Inference.Models;

/// <summary>
/// The model card (<c>card.json</c>) beside a model: what the model is, how its input is prepared, its
/// decision threshold, its validation metrics and the SHA-256 of the ONNX file it describes. Only the
/// fields the service uses are typed; the rest stay available as JSON.
/// </summary>
public sealed class ModelCard
{
    private ModelCard(JsonElement root)
    {
        Root = root;
    }

    /// <summary>The whole card as JSON.</summary>
    public JsonElement Root { get; }

    public string? Name => GetString("name");

    public string? Version => GetString("version");

    public string? Task => GetString("task");

    /// <summary>The probability at or above which the positive label is given; 0.5 when the card has none.</summary>
    public double Threshold =>
        Root.TryGetProperty("threshold", out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0.5;

    /// <summary>The SHA-256 of <c>model.onnx</c> written by the training script, in hex.</summary>
    public string? OnnxSha256 => GetString("onnxSha256");

    public JsonElement? Metrics => GetElement("metrics");

    public JsonElement? Preprocessing => GetElement("preprocessing");

    /// <summary>Parses a card; throws <see cref="JsonException"/> when the text is not a JSON object.</summary>
    public static ModelCard Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The model card is not a JSON object.");
        }

        return new ModelCard(document.RootElement.Clone());
    }

    public JsonElement? GetElement(string name) =>
        Root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>Reads a field as text; a number is written in invariant form (a version may be 1 or "1").</summary>
    public string? GetString(string name) => GetElement(name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => null,
    };
}
