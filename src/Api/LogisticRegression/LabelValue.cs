using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigmoidService.Api.LogisticRegression;

/// <summary>The JSON kind of one label as the client sent it.</summary>
public enum LabelKind
{
    /// <summary>A JSON number (valid when 0 or 1).</summary>
    Numeric,

    /// <summary>A JSON true or false.</summary>
    Logical,

    /// <summary>A JSON string.</summary>
    Text,

    /// <summary>null, an object or an array: never a valid label.</summary>
    Invalid,
}

/// <summary>
/// One label of a fit request: a number, a boolean or a string, read without keeping a JSON document per
/// element (a JsonElement per label would cost a document allocation each).
/// </summary>
[JsonConverter(typeof(LabelValueJsonConverter))]
public readonly record struct LabelValue(LabelKind Kind, double Number, bool Boolean, string? Text)
{
    public static LabelValue FromNumber(double number) => new(LabelKind.Numeric, number, false, null);

    public static LabelValue FromBoolean(bool value) => new(LabelKind.Logical, 0, value, null);

    public static LabelValue FromText(string text) => new(LabelKind.Text, 0, false, text);

    public override string ToString() => Kind switch
    {
        LabelKind.Numeric => Number.ToString("R", CultureInfo.InvariantCulture),
        LabelKind.Logical => Boolean ? "true" : "false",
        LabelKind.Text => Text ?? string.Empty,
        _ => "invalid",
    };
}

/// <summary>Reads and writes <see cref="LabelValue"/> as the JSON number, boolean or string it is.</summary>
public sealed class LabelValueJsonConverter : JsonConverter<LabelValue>
{
    public override LabelValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetDouble(out var number) ? LabelValue.FromNumber(number) : default(LabelValue) with { Kind = LabelKind.Invalid };
            case JsonTokenType.True:
                return LabelValue.FromBoolean(true);
            case JsonTokenType.False:
                return LabelValue.FromBoolean(false);
            case JsonTokenType.String:
                return LabelValue.FromText(reader.GetString()!);
            default:
                reader.Skip();
                return default(LabelValue) with { Kind = LabelKind.Invalid };
        }
    }

    public override void Write(Utf8JsonWriter writer, LabelValue value, JsonSerializerOptions options)
    {
        switch (value.Kind)
        {
            case LabelKind.Numeric:
                writer.WriteNumberValue(value.Number);
                break;
            case LabelKind.Logical:
                writer.WriteBooleanValue(value.Boolean);
                break;
            case LabelKind.Text:
                writer.WriteStringValue(value.Text);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
