using System.Text.Json;
using Microsoft.ML.OnnxRuntime.Tensors;
using SigmoidService.Inference.Models;

namespace SigmoidService.Api.OpenInference;

/// <summary>
/// Reads an input's JSON data, flat or nested in row-major order, into a typed array. Numbers must fit the
/// datatype exactly: an integer type takes whole numbers in its range, <c>BOOL</c> takes true and false.
/// </summary>
internal static class TensorDataReader
{
    /// <summary>Returns the data, or null with <paramref name="error"/> set when it does not fit.</summary>
    public static Array? Read(JsonElement data, string inputName, TensorElementType type, long expectedCount, out string? error)
    {
        var count = 0L;
        if (!CountScalars(data, ref count, expectedCount) || count != expectedCount)
        {
            var found = count > expectedCount ? $"more than {expectedCount}" : $"{count}";
            error = $"Input '{inputName}' has {found} data elements, but its shape holds {expectedCount}.";
            return null;
        }

        var values = OnnxModel.CreateArray(type, checked((int)expectedCount));
        var index = 0;
        error = Fill(data, values, type, inputName, ref index);
        return error is null ? values : null;
    }

    /// <summary>Counts the scalars, stopping once there are more than expected, so a huge array costs no memory.</summary>
    private static bool CountScalars(JsonElement element, ref long count, long limit)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            count++;
            return count <= limit;
        }

        foreach (var item in element.EnumerateArray())
        {
            if (!CountScalars(item, ref count, limit))
            {
                return false;
            }
        }

        return true;
    }

    private static string? Fill(JsonElement element, Array values, TensorElementType type, string inputName, ref int index)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (Fill(item, values, type, inputName, ref index) is { } error)
                {
                    return error;
                }
            }

            return null;
        }

        var position = index++;
        var ok = (type, values) switch
        {
            (TensorElementType.Float, float[] array) => TryFloat(element, out array[position]),
            (TensorElementType.Double, double[] array) => TryDouble(element, out array[position]),
            (TensorElementType.Int8, sbyte[] array) => element.ValueKind == JsonValueKind.Number && element.TryGetSByte(out array[position]),
            (TensorElementType.Int16, short[] array) => element.ValueKind == JsonValueKind.Number && element.TryGetInt16(out array[position]),
            (TensorElementType.Int32, int[] array) => element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out array[position]),
            (TensorElementType.Int64, long[] array) => element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out array[position]),
            (TensorElementType.UInt8, byte[] array) => element.ValueKind == JsonValueKind.Number && element.TryGetByte(out array[position]),
            (TensorElementType.UInt16, ushort[] array) => element.ValueKind == JsonValueKind.Number && element.TryGetUInt16(out array[position]),
            (TensorElementType.UInt32, uint[] array) => element.ValueKind == JsonValueKind.Number && element.TryGetUInt32(out array[position]),
            (TensorElementType.UInt64, ulong[] array) => element.ValueKind == JsonValueKind.Number && element.TryGetUInt64(out array[position]),
            (TensorElementType.Bool, bool[] array) => TryBool(element, out array[position]),
            _ => false,
        };

        return ok ? null : $"Input '{inputName}' has data element {position} = {Shorten(element.GetRawText())}, which is not a valid {OpenInferenceDatatypes.NameOf(type)}.";
    }

    private static bool TryFloat(JsonElement element, out float value)
    {
        value = 0;
        if (!TryDouble(element, out var wide) || Math.Abs(wide) > float.MaxValue)
        {
            return false;
        }

        value = (float)wide;
        return true;
    }

    // NaN and the infinities have no JSON number form and are rejected, as elsewhere in the API.
    private static bool TryDouble(JsonElement element, out double value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out value) && double.IsFinite(value);
    }

    private static bool TryBool(JsonElement element, out bool value)
    {
        value = element.ValueKind == JsonValueKind.True;
        return element.ValueKind is JsonValueKind.True or JsonValueKind.False;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
