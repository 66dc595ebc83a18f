namespace SigmoidService.Inference.Digits;

/// <summary>
/// A greyscale image: <see cref="Pixels"/> contains <see cref="Width"/> x <see cref="Height"/> luminance values
/// in [0, 1], row-major, 0 black and 1 white.
/// </summary>
public sealed class GreyImage
{
    public GreyImage(int width, int height, float[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfNotEqual(pixels.Length, width * height);
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public float[] Pixels { get; }

    public float this[int x, int y] => Pixels[(y * Width) + x];
}
