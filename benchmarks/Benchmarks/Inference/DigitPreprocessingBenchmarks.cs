using BenchmarkDotNet.Attributes;
using SigmoidService.Inference.Digits;
using SkiaSharp;

namespace SigmoidService.Benchmarks.Inference;

/// <summary>
/// Decoding and MNIST normalisation of one upload: a 28x28 PNG, and a digit six times larger placed off
/// centre on a 640 x 480 canvas.
/// </summary>
[SimpleJob(warmupCount: 3, iterationCount: 5)]
[MemoryDiagnoser]
public class DigitPreprocessingBenchmarks
{
    private byte[] _small = [];
    private byte[] _canvas = [];

    [GlobalSetup]
    public void Setup()
    {
        _small = Draw(28, 28, 0, 0, 1);
        _canvas = Draw(640, 480, 300, 120, 6);
    }

    [Benchmark]
    public float[] Png28() => MnistNormalizer.Normalize(DigitImageDecoder.Decode(_small, 4096));

    [Benchmark]
    public float[] Png640x480() => MnistNormalizer.Normalize(DigitImageDecoder.Decode(_canvas, 4096));

    /// <summary>A ring, the shape of a zero, 20 by 14 units, drawn light on black at the given scale.</summary>
    private static byte[] Draw(int width, int height, int left, int top, int scale)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Black);
            using var paint = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2.5f * scale };
            canvas.DrawOval(SKRect.Create(left + (7 * scale), top + (4 * scale), 14 * scale, 20 * scale), paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
