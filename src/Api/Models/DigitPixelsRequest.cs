namespace SigmoidService.Api.Models;

/// <summary>MNIST images as pixels: each 784 numbers in [0, 1], row-major, light ink on black.</summary>
public sealed record DigitPixelsRequest(IReadOnlyList<IReadOnlyList<double>?>? Pixels);
