using System.Buffers.Binary;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SigmoidService.Api.Infrastructure;
using SigmoidService.Api.Plots;
using SkiaSharp;

namespace SigmoidService.Api.Tests.Plots;

/// <summary>Checks shared by the plot tests: SVG texts, PNG signature and size, and ink where the title is.</summary>
internal static class PlotAssertions
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static PlotImageService CreateImageService() => new(
        new MemoryCache(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024 }),
        Options.Create(new CacheOptions()),
        Options.Create(new JsonOptions()),
        NullLogger<PlotImageService>.Instance);

    /// <summary>Parses the SVG and returns the trimmed content of its text elements.</summary>
    public static IReadOnlyList<string> SvgTexts(byte[] svg)
    {
        using var stream = new MemoryStream(svg);
        var document = XDocument.Load(stream);
        Assert.Equal(Svg + "svg", document.Root!.Name);
        return document.Descendants(Svg + "text").Select(text => text.Value.Trim()).Where(text => text.Length > 0).ToList();
    }

    public static void ContainsText(IReadOnlyList<string> texts, string expected) =>
        Assert.True(texts.Any(text => text.Contains(expected, StringComparison.Ordinal)),
            $"No SVG text contains '{expected}'. Texts: {string.Join(" | ", texts)}");

    /// <summary>Checks the PNG signature and the width and height in its IHDR chunk.</summary>
    public static void IsPng(byte[] png, int width, int height)
    {
        Assert.True(png.Length > 33, "The PNG is shorter than its header.");
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    /// <summary>
    /// Checks that the centred title band of the PNG has dark pixels, so the title text was drawn with a
    /// real font rather than left out.
    /// </summary>
    public static void HasTitleInk(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        var dark = 0;
        for (var y = 0; y < 40; y++)
        {
            for (var x = bitmap.Width / 4; x < bitmap.Width * 3 / 4; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                if (pixel.Red < 100 && pixel.Green < 100 && pixel.Blue < 100)
                {
                    dark++;
                }
            }
        }

        Assert.True(dark > 50, $"The title band has only {dark} dark pixels; the title text seems missing.");
    }

    /// <summary>
    /// Checks that the outermost 3 pixels on the left and right of the PNG are background, so no title or
    /// legend runs off the image.
    /// </summary>
    public static void HasBlankBorder(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        for (var y = 0; y < bitmap.Height; y++)
        {
            foreach (var x in new[] { 0, 1, 2, bitmap.Width - 3, bitmap.Width - 2, bitmap.Width - 1 })
            {
                var pixel = bitmap.GetPixel(x, y);
                Assert.True(pixel.Red > 230 && pixel.Green > 230 && pixel.Blue > 230,
                    $"The pixel at ({x}, {y}) is {pixel}; something is cut off at the image's edge.");
            }
        }
    }

    /// <summary>Saves an image under the test output folder so that a person can look at it.</summary>
    public static void Save(byte[] image, string fileName)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "plots");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, fileName), image);
    }
}
