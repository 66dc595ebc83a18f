using System.ComponentModel.DataAnnotations;

namespace SigmoidService.Api.Plots;

/// <summary>Sizes of rendered plots. Bound from the <c>Plots</c> configuration section and validated at start-up.</summary>
public sealed class PlotOptions : IValidatableObject
{
    public const string SectionName = "Plots";

    /// <summary>The narrowest image on which an axis with its ticks and a title still fit.</summary>
    public const int MinReadableWidth = 320;

    /// <summary>The lowest image on which an axis with its ticks and a title still fit.</summary>
    public const int MinReadableHeight = 200;

    /// <summary>Width of a plot when the request names none, in pixels.</summary>
    [Range(MinReadableWidth, 16_384)]
    public int DefaultWidth { get; set; } = 800;

    /// <summary>Height of a plot when the request names none, in pixels.</summary>
    [Range(MinReadableHeight, 16_384)]
    public int DefaultHeight { get; set; } = 500;

    /// <summary>Smallest width a request may ask for, in pixels: below 320 the axes, ticks and title no longer fit.</summary>
    [Range(MinReadableWidth, 16_384)]
    public int MinWidth { get; set; } = MinReadableWidth;

    /// <summary>Smallest height a request may ask for, in pixels: below 200 the axes, ticks and title no longer fit.</summary>
    [Range(MinReadableHeight, 16_384)]
    public int MinHeight { get; set; } = MinReadableHeight;

    /// <summary>Largest width or height a request may ask for, in pixels; bounds the memory of one PNG.</summary>
    [Range(MinReadableWidth, 16_384)]
    public int MaxSide { get; set; } = 4000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinWidth > MaxSide || MinHeight > MaxSide)
        {
            yield return new ValidationResult(
                $"{nameof(MinWidth)} and {nameof(MinHeight)} must not exceed {nameof(MaxSide)}.", [nameof(MinWidth), nameof(MinHeight), nameof(MaxSide)]);
        }

        if (DefaultWidth < MinWidth || DefaultWidth > MaxSide || DefaultHeight < MinHeight || DefaultHeight > MaxSide)
        {
            yield return new ValidationResult(
                $"{nameof(DefaultWidth)} must lie between {nameof(MinWidth)} and {nameof(MaxSide)}, and {nameof(DefaultHeight)} between {nameof(MinHeight)} and {nameof(MaxSide)}.",
                [nameof(DefaultWidth), nameof(DefaultHeight)]);
        }
    }
}
