using Microsoft.AspNetCore.Http.HttpResults;

namespace SigmoidService.Api.Infrastructure;

/// <summary>
/// Collects validation errors keyed by the offending field (with its index, as in <c>features[3][1]</c>)
/// and turns them into one RFC 9457 validation problem.
/// </summary>
public sealed class RequestErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public int Count => _errors.Count;

    public RequestErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }

        messages.Add(message);
        return this;
    }

    /// <summary>Adds an error when <paramref name="value"/> is null; returns whether it was present.</summary>
    public bool Required<T>(T? value, string field)
    {
        if (value is not null)
        {
            return true;
        }

        Add(field, "The field is required.");
        return false;
    }

    /// <summary>
    /// Checks that an array is present, not empty and not longer than <paramref name="maxLength"/>, and
    /// that each element is finite (or infinite where <paramref name="allowInfinity"/> is set). Stops at the
    /// first few bad elements so that a huge bad array does not produce a huge answer.
    /// </summary>
    public bool ValidNumbers(IReadOnlyList<double>? values, string field, int maxLength, bool allowInfinity = false)
    {
        if (!Required(values, field))
        {
            return false;
        }

        if (values!.Count == 0)
        {
            Add(field, "The array must not be empty.");
            return false;
        }

        if (values.Count > maxLength)
        {
            Add(field, $"The array has {values.Count} numbers, more than the limit of {maxLength}.");
            return false;
        }

        var before = Count;
        for (var i = 0; i < values.Count && Count - before < MaxReportedElements; i++)
        {
            var value = values[i];
            if (double.IsNaN(value))
            {
                Add($"{field}[{i}]", "NaN is not a valid input.");
            }
            else if (!allowInfinity && double.IsInfinity(value))
            {
                Add($"{field}[{i}]", "The value must be a finite number.");
            }
        }

        return Count == before;
    }

    /// <summary>Checks that a single number is finite.</summary>
    public bool Finite(double value, string field)
    {
        if (double.IsFinite(value))
        {
            return true;
        }

        Add(field, double.IsNaN(value) ? "NaN is not a valid input." : "The value must be a finite number.");
        return false;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);

    public ValidationProblem ToProblem(string? detail = null) =>
        TypedResults.ValidationProblem(
            ToDictionary(),
            detail: detail ?? "One or more fields are invalid; see errors.",
            title: "Invalid request");

    /// <summary>Builds a validation problem with a single field error.</summary>
    public static ValidationProblem For(string field, string message) =>
        new RequestErrors().Add(field, message).ToProblem();

    /// <summary>The count of element errors reported for one array before the rest are skipped.</summary>
    public const int MaxReportedElements = 20;
}
