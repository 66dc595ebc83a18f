namespace SigmoidService.Inference.Generation;

/// <summary>
/// One digit decoded from a latent vector: the 784 pixels (28 x 28, row-major, in [0, 1], light ink on
/// black) and the same image as a greyscale PNG.
/// </summary>
public sealed record GeneratedDigit(float[] Latent, float[] Pixels, byte[] Png);
