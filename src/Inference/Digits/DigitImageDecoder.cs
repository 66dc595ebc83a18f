using SkiaSharp;

namespace SigmoidService.Inference.Digits;

/// <summary>
/// Decodes PNG, JPEG, BMP, GIF (first frame) and WebP uploads with SkiaSharp into a <see cref="GreyImage"/>.
/// The format is recognised from its signature and the dimensions are read from the header before any
/// pixel is decoded, so an image that declares more than the allowed size costs no memory. Colour is turned
/// into luminance with the ITU-R BT.601 weights (0.299 R + 0.587 G + 0.114 B), as PIL's "L" mode does. An
/// EXIF orientation is applied, so that a phone photo comes out upright.
/// </summary>
public static class DigitImageDecoder
{
    private const float RedWeight = 0.299f;
    private const float GreenWeight = 0.587f;
    private const float BlueWeight = 0.114f;

    /// <summary>Decodes an image whose width and height are each at most <paramref name="maxSide"/> pixels.</summary>
    /// <exception cref="InvalidImageException">The data is not a supported image, is truncated or corrupt, or is too large.</exception>
    public static GreyImage Decode(ReadOnlySpan<byte> bytes, int maxSide)
    {
        if (bytes.IsEmpty)
        {
            throw new InvalidImageException(ImageRejection.NotAnImage, "The file is empty (0 bytes); upload a PNG, JPEG, BMP, GIF or WebP image.");
        }

        var format = DetectFormat(bytes) ?? throw new InvalidImageException(
            ImageRejection.NotAnImage, "The file is not a PNG, JPEG, BMP, GIF or WebP image.");

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data) ?? throw new InvalidImageException(
            ImageRejection.Corrupt, $"The {format} header is corrupt or truncated.");

        var width = codec.Info.Width;
        var height = codec.Info.Height;
        if (width < 1 || height < 1)
        {
            throw new InvalidImageException(ImageRejection.Corrupt, $"The {format} header declares an empty image ({width} x {height} pixels).");
        }

        if (width > maxSide || height > maxSide)
        {
            throw new InvalidImageException(
                ImageRejection.TooLarge,
                $"The image is {width} x {height} pixels, larger than the limit of {maxSide} x {maxSide}.");
        }

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            throw new InvalidImageException(ImageRejection.Corrupt, result == SKCodecResult.IncompleteInput
                ? $"The {format} data is truncated: the image ends before its last pixel."
                : $"The {format} data is corrupt and cannot be decoded ({result}).");
        }

        var grey = ToLuminance(bitmap.GetPixelSpan(), width, height);
        return Orient(grey, codec.EncodedOrigin);
    }

    /// <summary>Names the image format from the file signature, or returns null for anything else.</summary>
    public static string? DetectFormat(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "PNG";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "JPEG";
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return "GIF";
        }

        if (bytes.StartsWith("BM"u8) && bytes.Length >= 26)
        {
            return "BMP";
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return "WebP";
        }

        return null;
    }

    /// <summary>
    /// Converts unpremultiplied RGBA to luminance. Transparent pixels are composited over the background
    /// that contrasts with the opaque ones: white under dark ink, black under light ink, so that a drawing on
    /// a transparent canvas keeps its strokes whatever their colour.
    /// </summary>
    private static GreyImage ToLuminance(ReadOnlySpan<byte> rgba, int width, int height)
    {
        var count = width * height;
        var pixels = new float[count];
        var hasTransparency = false;
        double opaqueSum = 0;
        long opaqueCount = 0;

        for (var i = 0; i < count; i++)
        {
            var p = rgba.Slice(i * 4, 4);
            pixels[i] = ((RedWeight * p[0]) + (GreenWeight * p[1]) + (BlueWeight * p[2])) / 255f;
            if (p[3] != 255)
            {
                hasTransparency = true;
            }

            if (p[3] >= 128)
            {
                opaqueSum += pixels[i];
                opaqueCount++;
            }
        }

        if (hasTransparency)
        {
            var background = opaqueCount > 0 && opaqueSum / opaqueCount < 0.5 ? 1f : 0f;
            for (var i = 0; i < count; i++)
            {
                var alpha = rgba[(i * 4) + 3] / 255f;
                pixels[i] = (alpha * pixels[i]) + ((1 - alpha) * background);
            }
        }

        return new GreyImage(width, height, pixels);
    }

    /// <summary>Turns the stored pixels upright according to the EXIF orientation.</summary>
    private static GreyImage Orient(GreyImage image, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or 0)
        {
            return image;
        }

        var (w, h) = (image.Width, image.Height);
        var swapped = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop
            or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (outWidth, outHeight) = swapped ? (h, w) : (w, h);
        var pixels = new float[outWidth * outHeight];

        for (var y = 0; y < outHeight; y++)
        {
            for (var x = 0; x < outWidth; x++)
            {
                var (sx, sy) = origin switch
                {
                    SKEncodedOrigin.TopRight => (w - 1 - x, y),
                    SKEncodedOrigin.BottomRight => (w - 1 - x, h - 1 - y),
                    SKEncodedOrigin.BottomLeft => (x, h - 1 - y),
                    SKEncodedOrigin.LeftTop => (y, x),
                    SKEncodedOrigin.RightTop => (y, h - 1 - x),
                    SKEncodedOrigin.RightBottom => (w - 1 - y, h - 1 - x),
                    SKEncodedOrigin.LeftBottom => (w - 1 - y, x),
                    _ => (x, y),
                };
                pixels[(y * outWidth) + x] = image[sx, sy];
            }
        }

        return new GreyImage(outWidth, outHeight, pixels);
    }
}
