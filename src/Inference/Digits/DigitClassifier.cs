using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SigmoidService.Inference.Models;

namespace SigmoidService.Inference.Digits;

/// <summary>
/// Runs the mnist-zero model: is a handwritten digit a zero? Accepts MNIST pixels as they are, or uploaded
/// images, which are decoded and normalised to MNIST form first. A request's images run as one batch.
/// </summary>
public sealed partial class DigitClassifier(ModelRepository repository, ILogger<DigitClassifier> logger)
{
    /// <summary>The count of pixels of one MNIST image, 28 x 28.</summary>
    public const int PixelCount = MnistNormalizer.Side * MnistNormalizer.Side;

    // Decoding a 4096 x 4096 image takes about 128 MB (RGBA plus luminance). Bounding how many decodes run
    // at once bounds that memory, and costs no throughput because decoding is CPU-bound.
    private static readonly SemaphoreSlim DecodeSlots = new(Math.Max(2, Environment.ProcessorCount));

    /// <summary>
    /// Decodes and normalises one uploaded image into 784 MNIST pixels, light ink on black.
    /// </summary>
    /// <exception cref="InvalidImageException">The image is not supported, corrupt, too large or blank.</exception>
    public static async Task<float[]> PrepareImageAsync(ReadOnlyMemory<byte> image, int maxSide, CancellationToken cancellationToken)
    {
        await DecodeSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return MnistNormalizer.Normalize(DigitImageDecoder.Decode(image.Span, maxSide));
        }
        finally
        {
            DecodeSlots.Release();
        }
    }

    /// <summary>Classifies a batch of MNIST images of 784 pixels each, in [0, 1], light ink on black.</summary>
    /// <exception cref="ModelUnavailableException">The model is not ready.</exception>
    public ClassificationResult Classify(IReadOnlyList<float[]> images)
    {
        ArgumentOutOfRangeException.ThrowIfZero(images.Count);
        var model = repository.GetReady(ModelNames.MnistZero);

        var input = new float[images.Count * PixelCount];
        for (var i = 0; i < images.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNotEqual(images[i].Length, PixelCount);
            images[i].CopyTo(input, i * PixelCount);
        }

        var stopwatch = Stopwatch.StartNew();
        var (output, _) = model.Run(input, BatchShapes.For(model.Inputs[0], images.Count));
        LogBatch(logger, model.Name, images.Count, stopwatch.Elapsed.TotalMilliseconds);

        return new ClassificationResult(model.Name, model.Version, model.Card.Threshold, output);
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Ran {Model} on a batch of {Count} images in {ElapsedMs:0.00} ms")]
    private static partial void LogBatch(ILogger logger, string model, int count, double elapsedMs);
}
