using SkiaSharp;

namespace SigmoidService.Api.Tests.Models;

/// <summary>Writes MNIST pixels as the kinds of pictures clients upload.</summary>
internal static class DigitImages
{
    private const int Side = 28;

    /// <summary>The 28x28 digit as it is: a greyscale PNG, light ink on black.</summary>
    public static byte[] Png(int[] pixels) => Encode(Render(pixels, scale: 1, invert: false, 0, 0, Side, Side), SKEncodedImageFormat.Png, 100);

    /// <summary>The digit enlarged four times with smooth interpolation, as dark ink on white paper, in a JPEG of quality 85.</summary>
    public static byte[] DarkOnLightJpeg(int[] pixels) =>
        Encode(Render(pixels, scale: 4, invert: true, 0, 0, Side * 4, Side * 4), SKEncodedImageFormat.Jpeg, 85);

    /// <summary>The digit enlarged six times, placed off centre on a 640 x 480 canvas, as a PNG.</summary>
    public static byte[] OffCentre(int[] pixels, Random random) =>
        Encode(Render(pixels, scale: 6, invert: false, random.Next(0, 640 - (Side * 6)), random.Next(0, 480 - (Side * 6)), 640, 480),
            SKEncodedImageFormat.Png, 100);

    private static SKBitmap Render(int[] pixels, int scale, bool invert, int left, int top, int width, int height)
    {
        using var digit = new SKBitmap(new SKImageInfo(Side, Side, SKColorType.Gray8, SKAlphaType.Opaque));
        var bytes = digit.GetPixelSpan();
        for (var i = 0; i < pixels.Length; i++)
        {
            bytes[((i / Side) * digit.RowBytes) + (i % Side)] = (byte)(invert ? 255 - pixels[i] : pixels[i]);
        }

        var canvasBitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(canvasBitmap);
        canvas.Clear(invert ? SKColors.White : SKColors.Black);
        using var image = SKImage.FromBitmap(digit);
        canvas.DrawImage(image, SKRect.Create(left, top, Side * scale, Side * scale), new SKSamplingOptions(SKCubicResampler.Mitchell));
        canvas.Flush();
        return canvasBitmap;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using (bitmap)
        {
            using var data = bitmap.Encode(format, quality);
            return data.ToArray();
        }
    }
}
