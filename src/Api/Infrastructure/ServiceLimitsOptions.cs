using System.ComponentModel.DataAnnotations;

namespace SigmoidService.Api.Infrastructure;

/// <summary>
/// Request limits that keep every request bounded in memory and time. Bound from the <c>Limits</c>
/// configuration section and validated at start-up.
/// </summary>
public sealed class ServiceLimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Maximum count of numbers in one request (inputs, features, logits, pixels).</summary>
    [Range(1, 100_000_000)]
    public int MaxNumbersPerRequest { get; set; } = 1_000_000;

    /// <summary>Maximum size of a JSON or CSV request body, in bytes.</summary>
    [Range(1024, 1L << 30)]
    public long MaxJsonBodyBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Maximum size of one uploaded image, in bytes.</summary>
    [Range(1024, 1L << 30)]
    public long MaxImageUploadBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>Maximum size of a whole multipart upload request, in bytes.</summary>
    [Range(1024, 1L << 32)]
    public long MaxUploadRequestBytes { get; set; } = 30L * 1024 * 1024;

    /// <summary>Maximum width and height of a decoded image, in pixels.</summary>
    [Range(28, 65_536)]
    public int MaxImageSide { get; set; } = 4096;

    /// <summary>Maximum count of images in one predict request.</summary>
    [Range(1, 4096)]
    public int MaxImagesPerRequest { get; set; } = 64;

    /// <summary>Maximum count of texts in one predict request.</summary>
    [Range(1, 65_536)]
    public int MaxTextsPerRequest { get; set; } = 256;

    /// <summary>Maximum length of one text, in UTF-16 characters.</summary>
    [Range(1, 10_000_000)]
    public int MaxTextLength { get; set; } = 100_000;

    /// <summary>Maximum count of points on a sampled curve.</summary>
    [Range(2, 10_000_000)]
    public int MaxCurvePoints { get; set; } = 100_000;
}
