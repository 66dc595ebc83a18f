namespace SigmoidService.Inference.Digits;

/// <summary>
/// Turns a greyscale picture of one handwritten digit into a 28x28 MNIST input, the way the MNIST images
/// themselves were made (LeCun et al., "The MNIST database of handwritten digits"). The digit is
/// size-normalised to fit a 20x20 box with its aspect ratio kept and anti-aliased grey levels. Then it is
/// placed in a 28x28 field so that its centre of mass sits at the field's centre.
/// </summary>
/// <remarks>
/// The steps, in order:
/// <list type="number">
/// <item>Polarity: the background level is the median of a border ring; a light background (above 0.5)
/// means dark ink on paper, so the image is inverted to light ink on black as MNIST has it.</item>
/// <item>Contrast: the background level (the ring's 90th percentile, so that paper texture and JPEG noise
/// fall below it) is subtracted and the brightest pixel is stretched to 1.</item>
/// <item>Crop to the bounding box of the pixels above <see cref="InkThreshold"/>, judged on the 3x3 mean
/// for images larger than 56 pixels a side, so that isolated noise does not widen the box.</item>
/// <item>Scale the crop so that its longer side is 20 pixels: area averaging when shrinking (each output
/// pixel is the mean of the source area it covers, which is the anti-aliasing a box filter gives) and
/// linear interpolation when enlarging; then stretch the brightest pixel to 1 again, because shrinking
/// a thin stroke dims it.</item>
/// <item>Translate by whole pixels so that the centre of mass lands on pixel (14, 14), as in the MNIST
/// training images, whose centres of mass all lie within half a pixel of (14, 14).</item>
/// </list>
/// A real MNIST digit comes out nearly unchanged: its background is 0, its bounding box is already at
/// most 20 pixels on the longer side, and it is already centred.
/// </remarks>
public static class MnistNormalizer
{
    /// <summary>The side of the MNIST field.</summary>
    public const int Side = 28;

    /// <summary>The side of the box the digit is scaled to fit.</summary>
    public const int BoxSide = 20;

    /// <summary>The stretched intensity above which a pixel counts as ink for the bounding box.</summary>
    public const float InkThreshold = 0.1f;

    /// <summary>The least contrast between background and brightest ink for an image to contain a digit.</summary>
    public const float MinimumContrast = 0.1f;

    private const float Centre = Side / 2f;

    /// <summary>Returns the 784 pixels, row-major, in [0, 1], light ink on black.</summary>
    /// <exception cref="InvalidImageException">The image is uniform, so there is no digit to find (<see cref="ImageRejection.Blank"/>).</exception>
    public static float[] Normalize(GreyImage image)
    {
        var pixels = (float[])image.Pixels.Clone();
        var (width, height) = (image.Width, image.Height);

        var ring = BorderRing(pixels, width, height);
        Array.Sort(ring);
        if (Percentile(ring, 0.5f) > 0.5f)
        {
            for (var i = 0; i < pixels.Length; i++)
            {
                pixels[i] = 1f - pixels[i];
            }

            for (var i = 0; i < ring.Length; i++)
            {
                ring[i] = 1f - ring[i];
            }

            Array.Sort(ring);
        }

        var peak = Max(pixels);
        var background = Math.Min(Percentile(ring, 0.9f), (Percentile(ring, 0.5f) + peak) / 2f);
        if (peak - background < MinimumContrast)
        {
            throw new InvalidImageException(ImageRejection.Blank, "The image is uniform: no digit was found in it.");
        }

        var scale = 1f / (peak - background);
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = Math.Clamp((pixels[i] - background) * scale, 0f, 1f);
        }

        var mask = Math.Min(width, height) > 2 * Side ? BoxMean3(pixels, width, height) : pixels;
        var (left, top, right, bottom) = InkBounds(mask, width, height);
        var cropWidth = right - left + 1;
        var cropHeight = bottom - top + 1;

        var factor = (double)BoxSide / Math.Max(cropWidth, cropHeight);
        var boxWidth = Math.Clamp((int)Math.Round(cropWidth * factor), 1, BoxSide);
        var boxHeight = Math.Clamp((int)Math.Round(cropHeight * factor), 1, BoxSide);
        var box = Resample(pixels, width, left, top, cropWidth, cropHeight, boxWidth, boxHeight);

        var boxPeak = Max(box);
        if (boxPeak > 0f && boxPeak < 1f)
        {
            for (var i = 0; i < box.Length; i++)
            {
                box[i] /= boxPeak;
            }
        }

        return CentreByMass(box, boxWidth, boxHeight);
    }

    /// <summary>The pixels of the outer ring, about a 28th of the shorter side wide (at least one pixel).</summary>
    private static float[] BorderRing(float[] pixels, int width, int height)
    {
        var thickness = Math.Max(1, Math.Min(width, height) / Side);
        var ring = new List<float>();
        for (var y = 0; y < height; y++)
        {
            var rowInBand = y < thickness || y >= height - thickness;
            for (var x = 0; x < width; x++)
            {
                if (rowInBand || x < thickness || x >= width - thickness)
                {
                    ring.Add(pixels[(y * width) + x]);
                }
            }
        }

        return [.. ring];
    }

    private static float Percentile(float[] sorted, float fraction) =>
        sorted[Math.Clamp((int)Math.Round(fraction * (sorted.Length - 1)), 0, sorted.Length - 1)];

    private static float Max(float[] values)
    {
        var max = 0f;
        foreach (var value in values)
        {
            max = Math.Max(max, value);
        }

        return max;
    }

    private static (int Left, int Top, int Right, int Bottom) InkBounds(float[] pixels, int width, int height)
    {
        int left = width, top = height, right = -1, bottom = -1;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (pixels[(y * width) + x] > InkThreshold)
                {
                    left = Math.Min(left, x);
                    right = Math.Max(right, x);
                    top = Math.Min(top, y);
                    bottom = Math.Max(bottom, y);
                }
            }
        }

        // The contrast check guarantees a pixel at 1, so the box is never empty.
        return (left, top, right, bottom);
    }

    /// <summary>
    /// The 3x3 mean of each pixel (edges replicated). Noise in a photo puts stray pixels above the ink
    /// threshold far from the digit; averaging cuts the noise by a factor of three first, so that the
    /// bounding box holds the strokes only. Small images skip this, so that a clean 28x28 digit keeps its
    /// exact box.
    /// </summary>
    private static float[] BoxMean3(float[] pixels, int width, int height)
    {
        var rows = new float[pixels.Length];
        for (var y = 0; y < height; y++)
        {
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                rows[row + x] = pixels[row + Math.Max(x - 1, 0)] + pixels[row + x] + pixels[row + Math.Min(x + 1, width - 1)];
            }
        }

        var mean = new float[pixels.Length];
        for (var y = 0; y < height; y++)
        {
            var above = Math.Max(y - 1, 0) * width;
            var below = Math.Min(y + 1, height - 1) * width;
            for (var x = 0; x < width; x++)
            {
                mean[(y * width) + x] = (rows[above + x] + rows[(y * width) + x] + rows[below + x]) / 9f;
            }
        }

        return mean;
    }

    /// <summary>Resamples a crop of the image to the target size, one axis at a time.</summary>
    private static float[] Resample(float[] pixels, int width, int left, int top, int cropWidth, int cropHeight, int targetWidth, int targetHeight)
    {
        var horizontal = Weights(cropWidth, targetWidth);
        var vertical = Weights(cropHeight, targetHeight);

        var rows = new float[cropHeight * targetWidth];
        for (var y = 0; y < cropHeight; y++)
        {
            var source = ((top + y) * width) + left;
            for (var x = 0; x < targetWidth; x++)
            {
                var sum = 0f;
                foreach (var (index, weight) in horizontal[x])
                {
                    sum += pixels[source + index] * weight;
                }

                rows[(y * targetWidth) + x] = sum;
            }
        }

        var result = new float[targetWidth * targetHeight];
        for (var y = 0; y < targetHeight; y++)
        {
            for (var x = 0; x < targetWidth; x++)
            {
                var sum = 0f;
                foreach (var (index, weight) in vertical[y])
                {
                    sum += rows[(index * targetWidth) + x] * weight;
                }

                result[(y * targetWidth) + x] = Math.Clamp(sum, 0f, 1f);
            }
        }

        return result;
    }

    /// <summary>
    /// The source indices and weights of each output pixel along one axis. Shrinking: the output pixel
    /// covers source interval [j / s, (j + 1) / s) and each source pixel is weighted by its overlap, so the
    /// weights sum to 1. Enlarging: linear interpolation between the two nearest source pixel centres.
    /// </summary>
    private static List<(int Index, float Weight)>[] Weights(int sourceLength, int targetLength)
    {
        var weights = new List<(int Index, float Weight)>[targetLength];
        var ratio = (double)sourceLength / targetLength;
        for (var j = 0; j < targetLength; j++)
        {
            var list = new List<(int Index, float Weight)>();
            if (sourceLength >= targetLength)
            {
                var start = j * ratio;
                var end = (j + 1) * ratio;
                for (var i = (int)Math.Floor(start); i < Math.Min(sourceLength, (int)Math.Ceiling(end)); i++)
                {
                    var overlap = Math.Min(end, i + 1) - Math.Max(start, i);
                    if (overlap > 0)
                    {
                        list.Add((i, (float)(overlap / ratio)));
                    }
                }
            }
            else
            {
                var position = Math.Clamp(((j + 0.5) * ratio) - 0.5, 0, sourceLength - 1);
                var lower = (int)Math.Floor(position);
                var upper = Math.Min(lower + 1, sourceLength - 1);
                var fraction = (float)(position - lower);
                list.Add((lower, 1f - fraction));
                if (upper != lower)
                {
                    list.Add((upper, fraction));
                }
            }

            weights[j] = list;
        }

        return weights;
    }

    /// <summary>
    /// Rounds to the nearest integer with halves rounded up. A symmetric digit has its centre exactly on a
    /// half pixel, where float rounding in the averages would otherwise flip the shift from one input size
    /// to the next, so anything within 1e-4 of a half counts as the half.
    /// </summary>
    private static int RoundHalfUp(double value) => (int)Math.Floor(value + 0.5 + 1e-4);

    /// <summary>Places the box in the 28x28 field with its centre of mass on pixel (14, 14), by whole pixels.</summary>
    private static float[] CentreByMass(float[] box, int boxWidth, int boxHeight)
    {
        double mass = 0, sumX = 0, sumY = 0;
        for (var y = 0; y < boxHeight; y++)
        {
            for (var x = 0; x < boxWidth; x++)
            {
                var value = box[(y * boxWidth) + x];
                mass += value;
                sumX += value * x;
                sumY += value * y;
            }
        }

        var (centreX, centreY) = mass > 0 ? (sumX / mass, sumY / mass) : ((boxWidth - 1) / 2.0, (boxHeight - 1) / 2.0);
        var offsetX = Math.Clamp(RoundHalfUp(Centre - centreX), 0, Side - boxWidth);
        var offsetY = Math.Clamp(RoundHalfUp(Centre - centreY), 0, Side - boxHeight);

        var field = new float[Side * Side];
        for (var y = 0; y < boxHeight; y++)
        {
            Array.Copy(box, y * boxWidth, field, ((y + offsetY) * Side) + offsetX, boxWidth);
        }

        return field;
    }
}
