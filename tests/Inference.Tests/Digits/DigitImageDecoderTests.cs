using SigmoidService.Inference.Digits;
using SkiaSharp;

namespace SigmoidService.Inference.Tests.Digits;

public sealed class DigitImageDecoderTests
{
    private const int MaxSide = 4096;

    // Lossless formats must reproduce the 8-bit grey levels; the BT.601 weights sum to 1, so a grey pixel
    // keeps its level up to float rounding.
    private const float LosslessTolerance = 1e-5f;

    // JPEG at quality 95 moves a level by a few steps of 1/255 near sharp edges.
    private const float JpegMeanTolerance = 0.02f;

    [Theory]
    [InlineData("ring.bmp")]
    [InlineData("ring.gif")]
    [InlineData("ring.webp")]
    public void Decode_LosslessFormats_MatchThePng(string fileName)
    {
        var reference = DigitImageDecoder.Decode(TestImages.Read("ring.png"), MaxSide);

        var image = DigitImageDecoder.Decode(TestImages.Read(fileName), MaxSide);

        Assert.Equal(60, image.Width);
        Assert.Equal(80, image.Height);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            Assert.True(Math.Abs(image.Pixels[i] - reference.Pixels[i]) <= LosslessTolerance,
                $"pixel {i}: {image.Pixels[i]} against {reference.Pixels[i]}");
        }
    }

    [Theory]
    [InlineData("ring.jpg")]
    [InlineData("ring-orientation-6.jpg")]
    public void Decode_Jpeg_MatchesThePngUpright(string fileName)
    {
        var reference = DigitImageDecoder.Decode(TestImages.Read("ring.png"), MaxSide);

        var image = DigitImageDecoder.Decode(TestImages.Read(fileName), MaxSide);

        Assert.Equal(reference.Width, image.Width);
        Assert.Equal(reference.Height, image.Height);
        Assert.True(MeanAbsoluteDifference(image.Pixels, reference.Pixels) < JpegMeanTolerance);
    }

    [Fact]
    public void Decode_GreyLevels_ArePreserved()
    {
        var pixels = new float[] { 0f, 0.25f, 0.5f, 1f };
        var png = TestImages.Encode(pixels, 2, 2, SKEncodedImageFormat.Png);

        var image = DigitImageDecoder.Decode(png, MaxSide);

        Assert.Equal(0f, image.Pixels[0], 1e-6f);
        Assert.Equal(64 / 255f, image.Pixels[1], 1e-5f);
        Assert.Equal(128 / 255f, image.Pixels[2], 1e-5f);
        Assert.Equal(1f, image.Pixels[3], 1e-5f);
    }

    [Fact]
    public void Decode_TransparentCanvas_KeepsDarkStrokesOnWhite()
    {
        var image = DigitImageDecoder.Decode(TestImages.Read("ring-transparent.png"), MaxSide);

        // The corner is transparent, so it becomes the white background; the left of the ring is black ink.
        Assert.Equal(1f, image[0, 0], 1e-6f);
        Assert.Equal(0f, image[14, 40], 1e-6f);
    }

    [Fact]
    public void Decode_Text_IsNotAnImage()
    {
        var exception = Assert.Throws<InvalidImageException>(() => DigitImageDecoder.Decode("hello, this is not a picture"u8, MaxSide));

        Assert.Equal(ImageRejection.NotAnImage, exception.Reason);
    }

    [Fact]
    public void Decode_Empty_IsNotAnImage()
    {
        var exception = Assert.Throws<InvalidImageException>(() => DigitImageDecoder.Decode([], MaxSide));

        Assert.Equal(ImageRejection.NotAnImage, exception.Reason);
    }

    [Fact]
    public void Decode_TruncatedPng_IsCorrupt()
    {
        var png = TestImages.Read("ring.png");

        var exception = Assert.Throws<InvalidImageException>(() => DigitImageDecoder.Decode(png.AsSpan(0, png.Length / 2), MaxSide));

        Assert.Equal(ImageRejection.Corrupt, exception.Reason);
    }

    [Fact]
    public void Decode_TruncatedJpeg_IsCorrupt()
    {
        var jpeg = TestImages.Read("ring.jpg");

        var exception = Assert.Throws<InvalidImageException>(() => DigitImageDecoder.Decode(jpeg.AsSpan(0, jpeg.Length / 2), MaxSide));

        Assert.Equal(ImageRejection.Corrupt, exception.Reason);
    }

    [Fact]
    public void Decode_PngSignatureThenGarbage_IsCorrupt()
    {
        var bytes = new byte[200];
        TestImages.Read("ring.png").AsSpan(0, 8).CopyTo(bytes);
        new Random(7).NextBytes(bytes.AsSpan(8));

        var exception = Assert.Throws<InvalidImageException>(() => DigitImageDecoder.Decode(bytes, MaxSide));

        Assert.Equal(ImageRejection.Corrupt, exception.Reason);
    }

    [Fact]
    public void Decode_HugePngHeader_IsTooLarge()
    {
        var header = TestImages.PngHeader(30_000, 30_000);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var exception = Assert.Throws<InvalidImageException>(() => DigitImageDecoder.Decode(header, MaxSide));

        Assert.Equal(ImageRejection.TooLarge, exception.Reason);
        Assert.Contains("30000 x 30000", exception.Message, StringComparison.Ordinal);
        // Decoding would need 3.6 GB; the rejection allocates next to nothing.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);
    }

    [Fact]
    public void Decode_BmpHeaderOf30000Squared_IsTooLarge()
    {
        var exception = Assert.Throws<InvalidImageException>(() => DigitImageDecoder.Decode(TestImages.BmpHeader(30_000, 30_000), MaxSide));

        Assert.Equal(ImageRejection.TooLarge, exception.Reason);
    }

    [Fact]
    public void Decode_SideOverLimit_IsTooLarge()
    {
        var png = TestImages.Encode(new float[29 * 10], 29, 10, SKEncodedImageFormat.Png);

        var exception = Assert.Throws<InvalidImageException>(() => DigitImageDecoder.Decode(png, maxSide: 28));

        Assert.Equal(ImageRejection.TooLarge, exception.Reason);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "PNG")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "JPEG")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, "GIF")]
    [InlineData(new byte[] { 0x3C, 0x73, 0x76, 0x67 }, null)]
    public void DetectFormat_Signature_NamesTheFormat(byte[] bytes, string? expected)
    {
        Assert.Equal(expected, DigitImageDecoder.DetectFormat(bytes));
    }

    private static float MeanAbsoluteDifference(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }

        return (float)(sum / a.Length);
    }
}
