using System.Globalization;
using SigmoidService.Api.Infrastructure;

namespace SigmoidService.Api.LogisticRegression;

/// <summary>
/// Labels encoded as 0/1 with their two classes in scikit-learn's order. Numbers must be 0 or 1, booleans
/// sort false before true, and strings sort by ordinal comparison. The second class is the positive one.
/// </summary>
public sealed record BinaryLabels(LabelValue[] Classes, int[] Targets)
{
    /// <summary>Whether both classes occur.</summary>
    public bool HasBothClasses => Targets.Contains(0) && Targets.Contains(1);

    /// <summary>The class names as classWeight keys: "0"/"1", "false"/"true", or the strings.</summary>
    public string ClassKey(int target) => Classes[target].ToString();

    /// <summary>
    /// Encodes the labels, adding an error naming <c>labels[i]</c> for each bad label (up to
    /// <see cref="RequestErrors.MaxReportedElements"/>). Returns null when there were errors.
    /// </summary>
    public static BinaryLabels? Encode(IReadOnlyList<LabelValue> labels, string field, RequestErrors errors)
    {
        var before = errors.Count;
        var kind = labels.Count > 0 ? labels[0].Kind : LabelKind.Numeric;
        var distinct = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Count && errors.Count - before < RequestErrors.MaxReportedElements; i++)
        {
            var label = labels[i];
            var name = string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]");
            if (label.Kind == LabelKind.Invalid)
            {
                errors.Add(name, "A label must be a number (0 or 1), a boolean or a string.");
            }
            else if (label.Kind != kind)
            {
                errors.Add(name, $"Labels must all be of one kind, but {field}[0] is a {Describe(kind)} and this one a {Describe(label.Kind)}.");
            }
            else if (label.Kind == LabelKind.Numeric && label.Number is not (0.0 or 1.0))
            {
                errors.Add(name, $"A numeric label must be 0 or 1, not {label}; use two strings for other class names.");
            }
            else if (label.Kind == LabelKind.Text && distinct.Count == 2 && !distinct.Contains(label.Text!))
            {
                errors.Add(name, $"There are more than two classes: '{label.Text}' after '{distinct.Min}' and '{distinct.Max}'. Logistic regression here is binary.");
            }
            else if (label.Kind == LabelKind.Text)
            {
                distinct.Add(label.Text!);
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        LabelValue[] classes = kind switch
        {
            LabelKind.Numeric => [LabelValue.FromNumber(0), LabelValue.FromNumber(1)],
            LabelKind.Logical => [LabelValue.FromBoolean(false), LabelValue.FromBoolean(true)],
            _ => distinct.Count == 2
                ? [LabelValue.FromText(distinct.Min!), LabelValue.FromText(distinct.Max!)]
                : [LabelValue.FromText(distinct.Min ?? string.Empty), LabelValue.FromText(distinct.Min ?? string.Empty)],
        };

        var targets = new int[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            targets[i] = label.Kind switch
            {
                LabelKind.Numeric => (int)label.Number,
                LabelKind.Logical => label.Boolean ? 1 : 0,
                _ => string.Equals(label.Text, classes[1].Text, StringComparison.Ordinal) && distinct.Count == 2 ? 1 : 0,
            };
        }

        return new BinaryLabels(classes, targets);
    }

    private static string Describe(LabelKind kind) => kind switch
    {
        LabelKind.Numeric => "number",
        LabelKind.Logical => "boolean",
        LabelKind.Text => "string",
        _ => "invalid value",
    };
}
