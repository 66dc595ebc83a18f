using System.Text.Json;

namespace SigmoidService.Domain.Tests.Networks;

/// <summary>Loads the committed reference files that tests/reference/networks/*.py wrote.</summary>
internal static class ReferenceData
{
    public static JsonDocument Load(string fileName) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reference", "networks", fileName)));

    public static double[] Vector(JsonElement element) =>
        [.. element.EnumerateArray().Select(value => value.GetDouble())];

    public static double[][] Matrix(JsonElement element) =>
        [.. element.EnumerateArray().Select(Vector)];
}
