using Microsoft.ML.OnnxRuntime.Tensors;

namespace SigmoidService.Api.OpenInference;

/// <summary>The protocol's tensor datatypes (<c>FP32</c>, <c>INT64</c>, ...) and their ONNX element types.</summary>
public static class OpenInferenceDatatypes
{
    private static readonly Dictionary<string, TensorElementType> ByName = new(StringComparer.Ordinal)
    {
        ["BOOL"] = TensorElementType.Bool,
        ["UINT8"] = TensorElementType.UInt8,
        ["UINT16"] = TensorElementType.UInt16,
        ["UINT32"] = TensorElementType.UInt32,
        ["UINT64"] = TensorElementType.UInt64,
        ["INT8"] = TensorElementType.Int8,
        ["INT16"] = TensorElementType.Int16,
        ["INT32"] = TensorElementType.Int32,
        ["INT64"] = TensorElementType.Int64,
        ["FP16"] = TensorElementType.Float16,
        ["FP32"] = TensorElementType.Float,
        ["FP64"] = TensorElementType.Double,
        ["BYTES"] = TensorElementType.String,
    };

    /// <summary>Every datatype name the protocol defines, for error messages.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string name, out TensorElementType elementType) => ByName.TryGetValue(name, out elementType);

    public static string NameOf(TensorElementType elementType) =>
        ByName.FirstOrDefault(pair => pair.Value == elementType).Key ?? elementType.ToString().ToUpperInvariant();
}
