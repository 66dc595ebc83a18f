namespace SigmoidService.Inference.Models;

/// <summary>Where a model stands in the service's start-up.</summary>
public enum ModelState
{
    /// <summary>Neither configured nor found in the repository.</summary>
    Unknown,

    /// <summary>Loaded, but not yet warmed up; its endpoints answer 503.</summary>
    Loading,

    /// <summary>Loaded and warmed up; requests are served.</summary>
    Ready,

    /// <summary>Optional and missing or failed to load; its endpoints answer 503.</summary>
    Unavailable,
}
