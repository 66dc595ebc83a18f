using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SigmoidService.Inference.Models;

/// <summary>Validates <see cref="InferenceOptions"/> and each model's settings by their data annotations.</summary>
public sealed class InferenceOptionsValidator : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        var failures = new List<string>();
        Check(options, InferenceOptions.SectionName, failures);
        foreach (var (model, settings) in options.Models)
        {
            Check(settings, $"{InferenceOptions.SectionName}:Models:{model}", failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(object value, string section, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(result =>
                $"{section}:{string.Join(",", result.MemberNames)}: {result.ErrorMessage}"));
        }
    }
}
