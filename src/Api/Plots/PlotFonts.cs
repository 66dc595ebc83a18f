using ScottPlot;
using SkiaSharp;

namespace SigmoidService.Api.Plots;

/// <summary>
/// Registers the embedded DejaVu Sans typefaces with ScottPlot and makes them its default. Titles, labels,
/// ticks and legends then render the same on hosts without any installed font: the container image has
/// none, and the Skia native assets in use carry no fontconfig.
/// </summary>
internal static class PlotFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<EmbeddedFontResolver> Resolver = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The embedded regular typeface.</summary>
    public static SKTypeface Regular => Resolver.Value.Regular;

    /// <summary>Registers the fonts once; later calls do nothing.</summary>
    public static void EnsureRegistered() => _ = Resolver.Value;

    private static EmbeddedFontResolver Register()
    {
        var resolver = new EmbeddedFontResolver(Load("DejaVuSans.ttf"), Load("DejaVuSans-Bold.ttf"));
        Fonts.FontResolvers.Insert(0, resolver);
        Fonts.Default = Family;
        Fonts.Sans = Family;
        return resolver;
    }

    private static SKTypeface Load(string fileName)
    {
        var name = $"SigmoidService.Api.Plots.Fonts.{fileName}";
        using var stream = typeof(PlotFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font resource {name} is missing from the assembly.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The embedded font resource {name} is not a readable font.");
    }

    /// <summary>Answers every request for the embedded family, and no other, so ScottPlot falls back for the rest.</summary>
    private sealed class EmbeddedFontResolver(SKTypeface regular, SKTypeface bold) : IFontResolver
    {
        public SKTypeface Regular { get; } = regular;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width)
        {
            if (!Matches(fontName))
            {
                return null;
            }

            return weight >= FontWeight.SemiBold ? bold : Regular;
        }

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            CreateTypeface(fontName, bold ? FontWeight.Bold : FontWeight.Normal, italic ? FontSlant.Italic : FontSlant.Upright, FontSpacing.Normal);

        private static bool Matches(string fontName) => string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase);
    }
}
