using SigmoidService.Api.Infrastructure;

namespace SigmoidService.Api.Networks;

/// <summary>Validation helpers shared by the network, policy and formula endpoints.</summary>
internal static class RequestChecks
{
    /// <summary>
    /// Checks a matrix given as rows: present, 1 to <paramref name="maxRows"/> rows, every row of
    /// <paramref name="columns"/> finite numbers (or of any equal length when <paramref name="columns"/> is
    /// null), and no more than <paramref name="maxNumbers"/> numbers in all. Errors name the row and column.
    /// </summary>
    public static bool ValidRows(
        IReadOnlyList<double[]?>? rows, string field, int maxRows, long maxNumbers, int? columns, RequestErrors errors)
    {
        if (!errors.Required(rows, field))
        {
            return false;
        }

        if (rows!.Count == 0)
        {
            errors.Add(field, "The array must not be empty.");
            return false;
        }

        if (rows.Count > maxRows)
        {
            errors.Add(field, $"The array has {rows.Count} rows, more than the limit of {maxRows}.");
            return false;
        }

        var total = rows.Sum(row => (long)(row?.Length ?? 0));
        if (total > maxNumbers)
        {
            errors.Add(field, $"The array has {total} numbers, more than the limit of {maxNumbers}.");
            return false;
        }

        var expected = columns ?? rows[0]?.Length;
        var before = errors.Count;
        for (var i = 0; i < rows.Count && errors.Count - before < RequestErrors.MaxReportedElements; i++)
        {
            var row = rows[i];
            var rowField = $"{field}[{i}]";
            if (row is null)
            {
                errors.Add(rowField, "The row is required.");
            }
            else if (expected is { } length && row.Length != length)
            {
                errors.Add(rowField, columns is null
                    ? $"The row has {row.Length} values, but row 0 has {length}; all rows must have the same length."
                    : $"The row has {row.Length} values; {length} are needed, one per weight.");
            }
            else
            {
                errors.ValidNumbers(row, rowField, int.MaxValue);
            }
        }

        return errors.Count == before;
    }

    /// <summary>Checks an optional count against 1 and <paramref name="max"/>; returns the value or the default.</summary>
    public static int Count(int? value, int defaultValue, int max, string field, RequestErrors errors)
    {
        var count = value ?? defaultValue;
        if (count < 1)
        {
            errors.Add(field, "The value must be at least 1.");
        }
        else if (count > max)
        {
            errors.Add(field, $"The value {count} is more than the limit of {max}.");
        }

        return count;
    }
}
