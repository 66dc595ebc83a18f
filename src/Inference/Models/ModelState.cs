namespace SigmoidService.Inference.Models;

/// <summary>The start-up state of a model.</summary>
public enum ModelState
{
    /// <summary>Neither configured nor found in the repository.</summary>
    Unknown,

    /// <summary>Loaded, but not yet warmed up, so its endpoints return 503.</summary>
    Loading,

    /// <summary>Loaded and warmed up; requests are served.</summary>
    Ready,

    /// <summary>Optional and missing or failed to load, so its endpoints return 503.</summary>
    Unavailable,
}
