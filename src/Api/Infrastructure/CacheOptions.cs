using System.ComponentModel.DataAnnotations;

namespace SigmoidService.Api.Infrastructure;

/// <summary>
/// Sizes of the in-memory cache shared by curves, plots and fitted models. Entry sizes are counted in
/// approximate bytes, so <see cref="SizeLimitBytes"/> bounds the memory the cache can hold.
/// </summary>
public sealed class CacheOptions
{
    public const string SectionName = "Cache";

    /// <summary>Upper bound on the summed entry sizes, in approximate bytes.</summary>
    [Range(1024, 64L * 1024 * 1024 * 1024)]
    public long SizeLimitBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>How long an unused cached curve or plot is kept.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan CurveSlidingExpiration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an unused fitted model is kept before its id answers 404.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan ModelSlidingExpiration { get; set; } = TimeSpan.FromHours(1);
}
