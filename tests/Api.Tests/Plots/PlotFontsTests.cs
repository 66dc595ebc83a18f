using SigmoidService.Api.Plots;

namespace SigmoidService.Api.Tests.Plots;

public sealed class PlotFontsTests
{
    [Fact]
    public void EnsureRegistered_MakesEmbeddedFontTheDefault()
    {
        PlotFonts.EnsureRegistered();

        Assert.Equal(PlotFonts.Family, ScottPlot.Fonts.Default);
        Assert.Equal("DejaVu Sans", PlotFonts.Regular.FamilyName);
    }

    [Fact]
    public void GetTypeface_DefaultFamily_ResolvesToEmbeddedTypeface()
    {
        PlotFonts.EnsureRegistered();

        var typeface = ScottPlot.Fonts.GetTypeface(PlotFonts.Family, bold: false, italic: false);

        // The same instance, not a system font of the same name, so hosts without fonts render alike.
        Assert.Same(PlotFonts.Regular, typeface);
        Assert.True(typeface.ContainsGlyphs("sigmoid(x) σ′ 0123456789"));
    }
}
