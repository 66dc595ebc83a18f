using System.Globalization;
using System.Text.Json;
using SigmoidService.Api.Infrastructure;
using SigmoidService.Domain.LogisticRegression;

namespace SigmoidService.Api.LogisticRegression;

/// <summary>
/// Validates fit requests, JSON or CSV, into a <see cref="FitInput"/>, collecting every problem under the
/// field it concerns (<c>features[1][1]</c>, <c>labels[3]</c>, <c>options.c</c>).
/// </summary>
public static class FitInputReader
{
    /// <summary>Validates a JSON fit request.</summary>
    public static FitInput? FromJson(LogisticRegressionFitRequest request, int maxNumbers, RequestErrors errors)
    {
        var features = ReadFeatures(request.Features, "features", maxNumbers, errors);
        BinaryLabels? labels = null;
        if (errors.Required(request.Labels, "labels"))
        {
            if (features is not null && request.Labels!.Length != features.Rows)
            {
                errors.Add("labels", $"There are {request.Labels.Length} labels for {features.Rows} rows; give one label per row.");
            }
            else
            {
                labels = BinaryLabels.Encode(request.Labels!, "labels", errors);
            }
        }

        var weights = ReadSampleWeights(request.SampleWeights, features?.Rows, errors);
        var raw = request.Options ?? new LogisticRegressionFitOptions();
        var options = ReadOptions(raw.Penalty, raw.C, raw.FitIntercept, raw.MaxIterations, raw.Tolerance, "options.", errors);
        options = ReadClassWeight(raw.ClassWeight, labels, options, "options.classWeight", errors);
        return errors.HasErrors ? null : new FitInput(features!, labels!, weights, options!);
    }

    /// <summary>
    /// Validates a CSV table: features are every column but the label column (the last, or the one named by
    /// the <c>label</c> query parameter); options come from the query string under the JSON option names.
    /// </summary>
    public static FitInput? FromCsv(CsvTable table, IQueryCollection query, int maxNumbers, RequestErrors errors)
    {
        var labelName = query["label"].ToString();
        var labelIndex = table.Header.Length - 1;
        if (!string.IsNullOrEmpty(labelName))
        {
            labelIndex = Array.FindIndex(table.Header, name => string.Equals(name, labelName, StringComparison.Ordinal));
            if (labelIndex < 0)
            {
                errors.Add("label", $"The header has no column named '{labelName}'; it has: {string.Join(", ", table.Header)}.");
                return null;
            }
        }

        if (table.Header.Length < 2)
        {
            errors.Add("body", "The CSV needs at least two columns: one or more features and the label.");
            return null;
        }

        if (table.Records.Count == 0)
        {
            errors.Add("body", "The CSV has a header row but no data rows.");
            return null;
        }

        var columns = table.Header.Length - 1;
        var rows = table.Records.Count;
        if ((long)rows * columns > maxNumbers)
        {
            errors.Add("features", $"The table has {(long)rows * columns} numbers, more than the limit of {maxNumbers}.");
            return null;
        }

        var values = new double[rows * columns];
        var labels = new LabelValue[rows];
        var before = errors.Count;
        for (var i = 0; i < rows && errors.Count - before < RequestErrors.MaxReportedElements; i++)
        {
            var record = table.Records[i];
            if (record.Cells.Length != table.Header.Length)
            {
                errors.Add(Index("features", i), $"Line {record.Line} has {record.Cells.Length} cells, but the header has {table.Header.Length}.");
                continue;
            }

            var column = 0;
            for (var c = 0; c < record.Cells.Length; c++)
            {
                var cell = record.Cells[c];
                if (c == labelIndex)
                {
                    labels[i] = LabelValue.FromText(cell);
                    continue;
                }

                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                {
                    errors.Add(Index("features", i, column), $"Line {record.Line}, column '{table.Header[c]}': '{Shorten(cell)}' is not a finite number.");
                }

                values[(i * columns) + column] = value;
                column++;
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        var encoded = BinaryLabels.Encode(ConvertCsvLabels(labels), "labels", errors);
        var options = ReadOptions(
            ParseEnum(query, "penalty", errors),
            ParseDouble(query, "c", errors),
            ParseBool(query, "fitIntercept", errors),
            ParseInt(query, "maxIterations", errors),
            ParseDouble(query, "tolerance", errors),
            string.Empty,
            errors);
        JsonElement? classWeight = null;
        var classWeightText = query["classWeight"].ToString();
        if (!string.IsNullOrEmpty(classWeightText))
        {
            try
            {
                classWeight = classWeightText.TrimStart().StartsWith('{')
                    ? JsonDocument.Parse(classWeightText).RootElement.Clone()
                    : JsonSerializer.SerializeToElement(classWeightText);
            }
            catch (JsonException)
            {
                errors.Add("classWeight", "classWeight must be \"balanced\" or a JSON object of class weights such as {\"0\": 1, \"1\": 3}.");
            }
        }

        options = ReadClassWeight(classWeight, encoded, options, "classWeight", errors);
        return errors.HasErrors ? null : new FitInput(new FeatureMatrix(values, rows, columns), encoded!, null, options!);
    }

    /// <summary>Checks a jagged feature table: present, not empty, rectangular, within the limit, finite.</summary>
    public static FeatureMatrix? ReadFeatures(double[][]? rows, string field, int maxNumbers, RequestErrors errors, int? expectedColumns = null)
    {
        if (!errors.Required(rows, field))
        {
            return null;
        }

        if (rows!.Length == 0)
        {
            errors.Add(field, "The table must have at least one row.");
            return null;
        }

        if (rows[0] is null || rows[0].Length == 0)
        {
            errors.Add(Index(field, 0), "A row must have at least one feature.");
            return null;
        }

        var columns = expectedColumns ?? rows[0].Length;
        var before = errors.Count;
        for (var i = 0; i < rows.Length && errors.Count - before < RequestErrors.MaxReportedElements; i++)
        {
            if (rows[i] is null)
            {
                errors.Add(Index(field, i), "A row must be an array of numbers.");
            }
            else if (rows[i].Length != columns)
            {
                errors.Add(Index(field, i), expectedColumns is null
                    ? $"The row has {rows[i].Length} values, but row 0 has {columns}; all rows need the same length."
                    : $"The row has {rows[i].Length} values, but the model has {columns} features.");
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        if ((long)rows.Length * columns > maxNumbers)
        {
            errors.Add(field, $"The table has {(long)rows.Length * columns} numbers, more than the limit of {maxNumbers}.");
            return null;
        }

        var values = new double[rows.Length * columns];
        for (var i = 0; i < rows.Length && errors.Count - before < RequestErrors.MaxReportedElements; i++)
        {
            var row = rows[i];
            for (var j = 0; j < columns; j++)
            {
                var value = row[j];
                if (!double.IsFinite(value))
                {
                    errors.Add(Index(field, i, j), double.IsNaN(value) ? "NaN is not a valid input." : "The value must be a finite number.");
                }

                values[(i * columns) + j] = value;
            }
        }

        return errors.Count > before ? null : new FeatureMatrix(values, rows.Length, columns);
    }

    private static double[]? ReadSampleWeights(double[]? weights, int? rows, RequestErrors errors)
    {
        if (weights is null)
        {
            return null;
        }

        if (rows is { } count && weights.Length != count)
        {
            errors.Add("sampleWeights", $"There are {weights.Length} sample weights for {count} rows; give one per row.");
            return null;
        }

        var before = errors.Count;
        var total = 0.0;
        for (var i = 0; i < weights.Length && errors.Count - before < RequestErrors.MaxReportedElements; i++)
        {
            var weight = weights[i];
            if (double.IsNaN(weight))
            {
                errors.Add(Index("sampleWeights", i), "NaN is not a valid input.");
            }
            else if (!(weight >= 0) || !double.IsFinite(weight))
            {
                errors.Add(Index("sampleWeights", i), "A sample weight must be a non-negative finite number.");
            }
            else
            {
                total += weight;
            }
        }

        if (errors.Count == before && total == 0)
        {
            errors.Add("sampleWeights", "The sample weights are all zero; at least one must be positive.");
        }

        return errors.Count > before ? null : weights;
    }

    private static LogisticRegressionOptions? ReadOptions(LogisticPenalty? penalty, double? c, bool? fitIntercept, int? maxIterations, double? tolerance, string prefix, RequestErrors errors)
    {
        var defaults = new LogisticRegressionOptions();
        var before = errors.Count;
        if (c is { } cValue && !(cValue > 0 && double.IsFinite(cValue)))
        {
            errors.Add(prefix + "c", double.IsNaN(cValue) ? "NaN is not a valid input." : "C must be a positive finite number.");
        }

        if (maxIterations is { } iterations && (iterations < 1 || iterations > LogisticRegressionOptions.MaxIterationsLimit))
        {
            errors.Add(prefix + "maxIterations", $"maxIterations must be between 1 and {LogisticRegressionOptions.MaxIterationsLimit}.");
        }

        if (tolerance is { } toleranceValue && !(toleranceValue > 0 && double.IsFinite(toleranceValue)))
        {
            errors.Add(prefix + "tolerance", double.IsNaN(toleranceValue) ? "NaN is not a valid input." : "The tolerance must be a positive finite number.");
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new LogisticRegressionOptions
        {
            Penalty = penalty ?? defaults.Penalty,
            C = c ?? defaults.C,
            FitIntercept = fitIntercept ?? defaults.FitIntercept,
            MaxIterations = maxIterations ?? defaults.MaxIterations,
            Tolerance = tolerance ?? defaults.Tolerance,
        };
    }

    private static LogisticRegressionOptions? ReadClassWeight(JsonElement? classWeight, BinaryLabels? labels, LogisticRegressionOptions? options, string field, RequestErrors errors)
    {
        if (classWeight is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return options;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            if (element.GetString() == "balanced")
            {
                return options is null ? null : options with { ClassWeight = ClassWeighting.Balanced };
            }

            errors.Add(field, "classWeight must be \"balanced\", an object of weights per class, or null.");
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(field, "classWeight must be \"balanced\", an object of weights per class, or null.");
            return null;
        }

        if (labels is null)
        {
            return null;
        }

        // Classes missing from the object keep weight 1, as in scikit-learn.
        double[] weights = [1.0, 1.0];
        var before = errors.Count;
        foreach (var property in element.EnumerateObject())
        {
            var key = $"{field}.{property.Name}";
            var target = Array.FindIndex([labels.ClassKey(0), labels.ClassKey(1)], name => string.Equals(name, property.Name, StringComparison.Ordinal));
            if (target < 0)
            {
                errors.Add(key, $"'{property.Name}' is not a class; the classes are '{labels.ClassKey(0)}' and '{labels.ClassKey(1)}'.");
            }
            else if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var weight) || !(weight >= 0) || !double.IsFinite(weight))
            {
                errors.Add(key, "A class weight must be a non-negative finite number.");
            }
            else
            {
                weights[target] = weight;
            }
        }

        return errors.Count > before || options is null
            ? null
            : options with { ClassWeight = ClassWeighting.Explicit(weights[0], weights[1]) };
    }

    // CSV labels are text: "0"/"1" become numbers and "true"/"false" booleans when every label is one.
    private static LabelValue[] ConvertCsvLabels(LabelValue[] labels)
    {
        if (labels.All(label => label.Text is "0" or "1"))
        {
            return [.. labels.Select(label => LabelValue.FromNumber(label.Text == "1" ? 1 : 0))];
        }

        if (labels.All(label => bool.TryParse(label.Text, out _)))
        {
            return [.. labels.Select(label => LabelValue.FromBoolean(bool.Parse(label.Text!)))];
        }

        return labels;
    }

    private static LogisticPenalty? ParseEnum(IQueryCollection query, string name, RequestErrors errors)
    {
        var text = query[name].ToString();
        switch (text)
        {
            case "":
                return null;
            case "l2":
                return LogisticPenalty.L2;
            case "none":
                return LogisticPenalty.None;
            default:
                errors.Add(name, $"'{Shorten(text)}' is not a penalty; use \"l2\" or \"none\".");
                return null;
        }
    }

    private static double? ParseDouble(IQueryCollection query, string name, RequestErrors errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(name, $"'{Shorten(text)}' is not a number.");
        return null;
    }

    private static int? ParseInt(IQueryCollection query, string name, RequestErrors errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(name, $"'{Shorten(text)}' is not an integer.");
        return null;
    }

    private static bool? ParseBool(IQueryCollection query, string name, RequestErrors errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add(name, $"'{Shorten(text)}' is not true or false.");
        return null;
    }

    private static string Index(string field, int i) => string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]");

    private static string Index(string field, int i, int j) => string.Create(CultureInfo.InvariantCulture, $"{field}[{i}][{j}]");

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
