using System.ComponentModel.DataAnnotations;

namespace SigmoidService.Inference.Models;

/// <summary>Settings of one model in the repository.</summary>
public sealed class ModelOptions
{
    /// <summary>
    /// Whether the service may start without this model. An optional model that is missing or fails to
    /// load is logged and left out, and its endpoints return 503.
    /// </summary>
    public bool Optional { get; set; }

    /// <summary>The version folder to load; empty loads the highest numeric version found.</summary>
    [RegularExpression("^[0-9]+$", ErrorMessage = "The version must be a folder name made of digits, such as 1.")]
    public string? Version { get; set; }
}
