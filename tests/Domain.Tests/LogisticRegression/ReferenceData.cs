using System.Text.Json;
using SigmoidService.Domain.LogisticRegression;

namespace SigmoidService.Domain.Tests.LogisticRegression;

/// <summary>
/// Loads the reference fits written by tests/reference/logistic-regression/make_reference.py
/// (scikit-learn 1.2.1, statsmodels 0.13.5, mpmath-polished optima).
/// </summary>
internal static class ReferenceData
{
    private static readonly Lazy<JsonDocument> Fits = new(() => Load("reference-fits.json"));
    private static readonly Lazy<JsonDocument> Normal = new(() => Load("normal-reference.json"));

    public static JsonElement NormalReference => Normal.Value.RootElement;

    public static IEnumerable<object[]> CaseNames() =>
        Fits.Value.RootElement.GetProperty("cases").EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()! });

    public static JsonElement Case(string name) =>
        Fits.Value.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static (FeatureMatrix Features, int[] Labels) Dataset(string name)
    {
        var data = Fits.Value.RootElement.GetProperty("datasets").GetProperty(name);
        var rows = data.GetProperty("features").EnumerateArray()
            .Select(row => (IReadOnlyList<double>)row.EnumerateArray().Select(v => v.GetDouble()).ToArray())
            .ToArray();
        var labels = data.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        return (FeatureMatrix.FromRows(rows), labels);
    }

    public static LogisticRegressionOptions Options(JsonElement referenceCase)
    {
        var options = referenceCase.GetProperty("options");
        var classWeight = options.GetProperty("classWeight");
        ClassWeighting? weighting = classWeight.ValueKind switch
        {
            JsonValueKind.String => ClassWeighting.Balanced,
            JsonValueKind.Object => ClassWeighting.Explicit(classWeight.GetProperty("0").GetDouble(), classWeight.GetProperty("1").GetDouble()),
            _ => null,
        };
        return new LogisticRegressionOptions
        {
            Penalty = options.GetProperty("penalty").GetString() == "none" ? LogisticPenalty.None : LogisticPenalty.L2,
            C = options.GetProperty("c").GetDouble(),
            FitIntercept = options.GetProperty("fitIntercept").GetBoolean(),
            ClassWeight = weighting,
        };
    }

    public static double[]? Doubles(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : element.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static JsonDocument Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "LogisticRegression", "Reference", file)));
}
