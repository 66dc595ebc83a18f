using SigmoidService.Inference.Digits;

namespace SigmoidService.Inference.Tests.Digits;

public sealed class MnistNormalizerTests
{
    private const int Side = MnistNormalizer.Side;

    [Fact]
    public void Normalize_Ring_HasMnistGeometry()
    {
        var output = MnistNormalizer.Normalize(Ring());

        Assert.Equal(Side * Side, output.Length);
        Assert.All(output, value => Assert.InRange(value, 0f, 1f));
        Assert.Equal(1f, output.Max());

        // The ring's ink spans 37 x 61 pixels; scaled to 20 rows it is round(37 * 20 / 61) = 12 columns wide.
        var (width, height) = InkExtent(output);
        Assert.Equal(20, height);
        Assert.Equal(12, width);

        // Whole-pixel shifts put the centre within half a pixel of (14, 14), as in the MNIST training set.
        var (centreX, centreY) = CentreOfMass(output);
        Assert.InRange(centreX, 13.5 - 1e-3, 14.5 + 1e-3);
        Assert.InRange(centreY, 13.5 - 1e-3, 14.5 + 1e-3);
    }

    [Fact]
    public void Normalize_DarkOnLight_EqualsLightOnDark()
    {
        var ring = Ring();
        var inverted = new GreyImage(ring.Width, ring.Height, [.. ring.Pixels.Select(value => 1f - value)]);

        var expected = MnistNormalizer.Normalize(ring);
        var actual = MnistNormalizer.Normalize(inverted);

        AssertClose(expected, actual, 1e-5f);
    }

    [Fact]
    public void Normalize_OffCentreCanvas_MatchesTightCanvas()
    {
        var ring = Ring();
        // The same digit five times larger, once on a tight light-on-dark canvas and once dark on light in
        // the upper right of a 1200 x 900 canvas. Both crops contain the same pixels, so the results agree to rounding.
        var tight = TestImages.Place(ring.Pixels, ring.Width, ring.Height, 320, 420, left: 10, top: 10, factor: 5, darkOnLight: false);
        var canvas = TestImages.Place(ring.Pixels, ring.Width, ring.Height, 1200, 900, left: 700, top: 150, factor: 5, darkOnLight: true);

        var expected = MnistNormalizer.Normalize(tight);
        var actual = MnistNormalizer.Normalize(canvas);

        AssertClose(expected, actual, 1e-4f);
    }

    [Fact]
    public void Normalize_MnistFormDigit_IsUnchanged()
    {
        var once = MnistNormalizer.Normalize(Ring());

        var twice = MnistNormalizer.Normalize(new GreyImage(Side, Side, once));

        AssertClose(once, twice, 1e-6f);
    }

    [Fact]
    public void Normalize_NoisyUnevenPaper_StaysCloseToClean()
    {
        var ring = Ring();
        var random = new Random(11);
        var photo = TestImages.Place(ring.Pixels, ring.Width, ring.Height, 400, 300, left: 40, top: 60, factor: 3, darkOnLight: true);
        var pixels = photo.Pixels;
        for (var y = 0; y < photo.Height; y++)
        {
            for (var x = 0; x < photo.Width; x++)
            {
                // Paper lit from the left (0.95 down to 0.75) with sensor noise of standard deviation 0.02;
                // the ink is a dark blue-black at 0.15 rather than pure black.
                var light = 0.95f - (0.2f * x / photo.Width);
                var ink = 1f - pixels[(y * photo.Width) + x];
                var noise = (float)(0.02 * Gaussian(random));
                pixels[(y * photo.Width) + x] = Math.Clamp((light * (1f - ink)) + (0.15f * ink) + noise, 0f, 1f);
            }
        }

        var clean = MnistNormalizer.Normalize(ring);
        var normalized = MnistNormalizer.Normalize(photo);

        // Centring moves by whole pixels, so a slightly different centre of mass may shift the digit by one;
        // compare at the best shift. 0.03 is 3 % of the ink range on average over the field.
        var difference = MinimumShiftedDifference(clean, normalized);
        Assert.True(difference < 0.03, $"mean difference {difference}");
        var (centreX, centreY) = CentreOfMass(normalized);
        Assert.InRange(centreX, 13.5 - 1e-3, 14.5 + 1e-3);
        Assert.InRange(centreY, 13.5 - 1e-3, 14.5 + 1e-3);
    }

    [Fact]
    public void Normalize_SmallDigit_IsEnlargedToTwentyPixels()
    {
        // A 5 x 7 zero drawn with whole pixels in the middle of a 40 x 40 field.
        string[] rows = [".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."];
        var pixels = new float[40 * 40];
        for (var y = 0; y < rows.Length; y++)
        {
            for (var x = 0; x < rows[y].Length; x++)
            {
                pixels[((y + 16) * 40) + x + 17] = rows[y][x] == '#' ? 1f : 0f;
            }
        }

        var output = MnistNormalizer.Normalize(new GreyImage(40, 40, pixels));

        var (width, height) = InkExtent(output);
        Assert.Equal(20, height);
        Assert.Equal(14, width);
    }

    [Fact]
    public void Normalize_UniformImage_IsRejectedAsBlank()
    {
        var grey = new GreyImage(50, 50, Enumerable.Repeat(0.6f, 2500).ToArray());

        var exception = Assert.Throws<InvalidImageException>(() => MnistNormalizer.Normalize(grey));

        Assert.Equal(ImageRejection.Blank, exception.Reason);
    }

    private static GreyImage Ring() => DigitImageDecoder.Decode(TestImages.Read("ring.png"), 4096);

    private static (int Width, int Height) InkExtent(float[] field)
    {
        int left = Side, right = -1, top = Side, bottom = -1;
        for (var y = 0; y < Side; y++)
        {
            for (var x = 0; x < Side; x++)
            {
                if (field[(y * Side) + x] > 0f)
                {
                    (left, right, top, bottom) = (Math.Min(left, x), Math.Max(right, x), Math.Min(top, y), Math.Max(bottom, y));
                }
            }
        }

        return (right - left + 1, bottom - top + 1);
    }

    private static (double X, double Y) CentreOfMass(float[] field)
    {
        double mass = 0, sumX = 0, sumY = 0;
        for (var y = 0; y < Side; y++)
        {
            for (var x = 0; x < Side; x++)
            {
                var value = field[(y * Side) + x];
                mass += value;
                sumX += value * x;
                sumY += value * y;
            }
        }

        return (sumX / mass, sumY / mass);
    }

    private static void AssertClose(float[] expected, float[] actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"pixel {i}: expected {expected[i]}, got {actual[i]}");
        }
    }

    /// <summary>The least mean absolute difference over shifts of <paramref name="b"/> by up to one pixel each way.</summary>
    private static double MinimumShiftedDifference(float[] a, float[] b)
    {
        var best = double.MaxValue;
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                var sum = 0.0;
                for (var y = 0; y < Side; y++)
                {
                    for (var x = 0; x < Side; x++)
                    {
                        var (sx, sy) = (x + dx, y + dy);
                        var shifted = sx is >= 0 and < Side && sy is >= 0 and < Side ? b[(sy * Side) + sx] : 0f;
                        sum += Math.Abs(a[(y * Side) + x] - shifted);
                    }
                }

                best = Math.Min(best, sum / (Side * Side));
            }
        }

        return best;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
