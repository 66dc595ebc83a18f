using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SigmoidService.Inference.Models;
using SkiaSharp;

namespace SigmoidService.Inference.Generation;

/// <summary>
/// Draws digits with the decoder half of the MNIST variational autoencoder: latent vectors in, 28x28
/// images out. Latents can be given or sampled from the VAE's prior, the standard normal N(0, I).
/// </summary>
public sealed partial class DigitGenerator(ModelRepository repository, ILogger<DigitGenerator> logger)
{
    /// <summary>The side of a generated image.</summary>
    public const int Side = 28;

    /// <summary>The length of the decoder's latent vector, from its declared input shape [N, latent].</summary>
    /// <exception cref="ModelUnavailableException">The model is not ready.</exception>
    public int LatentSize => checked((int)repository.GetReady(ModelNames.MnistVaeDecoder).Inputs[0].Shape[1]);

    /// <summary>
    /// Samples <paramref name="count"/> latent vectors from the standard normal with the Box-Muller transform
    /// on <see cref="Random"/> seeded with <paramref name="seed"/>; the same seed gives the same vectors on
    /// every run and platform, because a seeded <see cref="Random"/> always uses the same generator.
    /// </summary>
    public static float[][] SampleLatents(int count, int latentSize, int seed)
    {
        var random = new Random(seed);
        var latents = new float[count][];
        double? spare = null;
        for (var i = 0; i < count; i++)
        {
            latents[i] = new float[latentSize];
            for (var j = 0; j < latentSize; j++)
            {
                if (spare is { } value)
                {
                    latents[i][j] = (float)value;
                    spare = null;
                    continue;
                }

                // 1 - NextDouble() lies in (0, 1], so the logarithm is finite.
                var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
                var angle = 2.0 * Math.PI * random.NextDouble();
                latents[i][j] = (float)(radius * Math.Cos(angle));
                spare = radius * Math.Sin(angle);
            }
        }

        return latents;
    }

    /// <summary>Decodes each latent vector into a digit, as one batch, in input order.</summary>
    /// <exception cref="ModelUnavailableException">The model is not ready.</exception>
    public IReadOnlyList<GeneratedDigit> Generate(IReadOnlyList<float[]> latents)
    {
        ArgumentOutOfRangeException.ThrowIfZero(latents.Count);
        var model = repository.GetReady(ModelNames.MnistVaeDecoder);
        var latentSize = checked((int)model.Inputs[0].Shape[1]);

        var input = new float[latents.Count * latentSize];
        for (var i = 0; i < latents.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNotEqual(latents[i].Length, latentSize);
            latents[i].CopyTo(input, i * latentSize);
        }

        var stopwatch = Stopwatch.StartNew();
        var (output, _) = model.Run(input, [latents.Count, latentSize]);
        LogBatch(logger, model.Name, latents.Count, stopwatch.Elapsed.TotalMilliseconds);

        var pixelCount = Side * Side;
        var digits = new GeneratedDigit[latents.Count];
        for (var i = 0; i < latents.Count; i++)
        {
            var pixels = output.AsSpan(i * pixelCount, pixelCount).ToArray();
            digits[i] = new GeneratedDigit(latents[i], pixels, EncodePng(pixels, Side, Side));
        }

        return digits;
    }

    /// <summary>Encodes pixels in [0, 1] as an 8-bit greyscale PNG (0 black, 1 white).</summary>
    public static byte[] EncodePng(ReadOnlySpan<float> pixels, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(pixels.Length, width * height);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        var bytes = bitmap.GetPixelSpan();
        var rowBytes = bitmap.RowBytes;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bytes[(y * rowBytes) + x] = (byte)Math.Round(Math.Clamp(pixels[(y * width) + x], 0f, 1f) * 255f);
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [LoggerMessage(EventId = 2300, Level = LogLevel.Information, Message = "Ran {Model} on a batch of {Count} latent vectors in {ElapsedMs:0.00} ms")]
    private static partial void LogBatch(ILogger logger, string model, int count, double elapsedMs);
}
