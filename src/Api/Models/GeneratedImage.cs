namespace SigmoidService.Api.Models;

/// <summary>
/// One decoded digit: its latent vector, 784 pixels (28 x 28, row-major, in [0, 1], light ink on black)
/// and the same image as a greyscale PNG, base64-encoded in JSON.
/// </summary>
public sealed record GeneratedImage(IReadOnlyList<float> Latent, IReadOnlyList<float> Pixels, byte[] Png);
