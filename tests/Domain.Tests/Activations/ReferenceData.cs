using System.Globalization;
using System.Text.Json;

namespace SigmoidService.Domain.Tests.Activations;

/// <summary>
/// The mpmath reference values written by tests/reference/activations/generate_activation_references.py:
/// inputs, values and derivatives as IEEE bit patterns.
/// </summary>
internal sealed class ReferenceData
{
    private ReferenceData(
        double[] x,
        double[] logitX,
        Dictionary<string, (double[] Values, double[] Derivatives)> activations,
        Dictionary<string, Dictionary<string, double>> parameters)
    {
        X = x;
        LogitX = logitX;
        Activations = activations;
        Parameters = parameters;
    }

    public static ReferenceData Double { get; } = Load("activations-double.json", single: false);

    public static ReferenceData Single { get; } = Load("activations-single.json", single: true);

    /// <summary>Activations with parameters other than their defaults, in double precision.</summary>
    public static ReferenceData DoubleWithParameters { get; } = Load("activations-parameters-double.json", single: false);

    /// <summary>Activations with parameters other than their defaults, in single precision.</summary>
    public static ReferenceData SingleWithParameters { get; } = Load("activations-parameters-single.json", single: true);

    /// <summary>The sigmoid at the switch points of its vectorised kernel, in double precision.</summary>
    public static ReferenceData SigmoidKernelDouble { get; } = Load("sigmoid-kernel-double.json", single: false);

    /// <summary>The sigmoid at the switch points of its vectorised kernel, in single precision.</summary>
    public static ReferenceData SigmoidKernelSingle { get; } = Load("sigmoid-kernel-single.json", single: true);

    /// <summary>The inputs of every activation but logit.</summary>
    public double[] X { get; }

    /// <summary>The inputs of logit, in [0, 1].</summary>
    public double[] LogitX { get; }

    public IReadOnlyDictionary<string, (double[] Values, double[] Derivatives)> Activations { get; }

    /// <summary>The parameter values each activation's references were computed with; empty for the defaults.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, double>> Parameters { get; }

    public double[] InputsOf(string activation) => activation == "logit" ? LogitX : X;

    /// <summary>The distance in units in the last place between two doubles; +0 and -0 are the same point.</summary>
    public static Int128 UlpDistance(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return double.IsNaN(a) && double.IsNaN(b) ? 0 : Int128.MaxValue;
        }

        return Int128.Abs(Ordered(BitConverter.DoubleToInt64Bits(a)) - Ordered(BitConverter.DoubleToInt64Bits(b)));
    }

    /// <summary>The distance in single-precision units in the last place.</summary>
    public static long UlpDistance(float a, float b)
    {
        if (float.IsNaN(a) || float.IsNaN(b))
        {
            return float.IsNaN(a) && float.IsNaN(b) ? 0 : long.MaxValue;
        }

        return Math.Abs(OrderedSingle(BitConverter.SingleToInt32Bits(a)) - OrderedSingle(BitConverter.SingleToInt32Bits(b)));
    }

    private static Int128 Ordered(long bits) => bits < 0 ? -(Int128)(bits & long.MaxValue) : bits;

    private static long OrderedSingle(int bits) => bits < 0 ? -(long)(bits & int.MaxValue) : bits;

    private static ReferenceData Load(string fileName, bool single)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Activations", "Data", fileName);
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;

        double[] Decode(JsonElement array) =>
            array.EnumerateArray().Select(element => single
                ? (double)BitConverter.Int32BitsToSingle(unchecked((int)uint.Parse(element.GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture)))
                : BitConverter.Int64BitsToDouble(unchecked((long)ulong.Parse(element.GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture))))
            .ToArray();

        var activations = new Dictionary<string, (double[], double[])>(StringComparer.Ordinal);
        var parameters = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var property in root.GetProperty("activations").EnumerateObject())
        {
            activations[property.Name] = (Decode(property.Value.GetProperty("value")), Decode(property.Value.GetProperty("derivative")));
            parameters[property.Name] = property.Value.TryGetProperty("parameters", out var values)
                ? values.EnumerateObject().ToDictionary(value => value.Name, value => value.Value.GetDouble(), StringComparer.Ordinal)
                : [];
        }

        var logitX = root.TryGetProperty("logitX", out var logitPoints) ? Decode(logitPoints) : [];
        return new ReferenceData(Decode(root.GetProperty("x")), logitX, activations, parameters);
    }
}
