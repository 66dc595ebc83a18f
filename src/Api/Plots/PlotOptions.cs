using System.ComponentModel.DataAnnotations;

namespace SigmoidService.Api.Plots;

/// <summary>Sizes of rendered plots. Bound from the <c>Plots</c> configuration section and validated at start-up.</summary>
public sealed class PlotOptions : IValidatableObject
{
    public const string SectionName = "Plots";

    /// <summary>Width of a plot when the request names none, in pixels.</summary>
    [Range(16, 16_384)]
    public int DefaultWidth { get; set; } = 800;

    /// <summary>Height of a plot when the request names none, in pixels.</summary>
    [Range(16, 16_384)]
    public int DefaultHeight { get; set; } = 500;

    /// <summary>Smallest width or height a request may ask for, in pixels.</summary>
    [Range(16, 16_384)]
    public int MinSide { get; set; } = 100;

    /// <summary>Largest width or height a request may ask for, in pixels; bounds the memory of one PNG.</summary>
    [Range(16, 16_384)]
    public int MaxSide { get; set; } = 4000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinSide > MaxSide)
        {
            yield return new ValidationResult($"{nameof(MinSide)} must not exceed {nameof(MaxSide)}.", [nameof(MinSide), nameof(MaxSide)]);
        }

        if (DefaultWidth < MinSide || DefaultWidth > MaxSide || DefaultHeight < MinSide || DefaultHeight > MaxSide)
        {
            yield return new ValidationResult(
                $"{nameof(DefaultWidth)} and {nameof(DefaultHeight)} must lie between {nameof(MinSide)} and {nameof(MaxSide)}.",
                [nameof(DefaultWidth), nameof(DefaultHeight)]);
        }
    }
}
