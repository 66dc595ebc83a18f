namespace SigmoidService.Inference.Digits;

/// <summary>Why an uploaded image was rejected.</summary>
public enum ImageRejection
{
    /// <summary>The bytes are not a PNG, JPEG, BMP, GIF or WebP image.</summary>
    NotAnImage,

    /// <summary>The format is recognised but the data is truncated or corrupt.</summary>
    Corrupt,

    /// <summary>The header declares more pixels per side than the configured limit.</summary>
    TooLarge,

    /// <summary>The image decodes but shows no ink to classify (a blank or uniform image).</summary>
    Blank,
}
