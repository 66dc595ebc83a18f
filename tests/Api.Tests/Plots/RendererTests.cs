using SigmoidService.Api.Activations;
using SigmoidService.Api.LogisticRegression;
using SigmoidService.Api.Models;
using SigmoidService.Api.Networks;
using SigmoidService.Api.Plots;
using SigmoidService.Api.Plots.Renderers;
using SigmoidService.Domain.Networks;
using SigmoidService.Domain.Policies;

namespace SigmoidService.Api.Tests.Plots;

/// <summary>
/// Renders a representative response with each renderer, as SVG and PNG, and checks the texts, the size
/// and that the title has ink. The PNGs are saved under plots/ in the test output folder.
/// </summary>
public sealed class RendererTests
{
    private readonly PlotImageService _images = PlotAssertions.CreateImageService();

    public static TheoryData<string> Cases => [.. Samples.Keys];

    private static readonly Dictionary<string, (IPlotRenderer Renderer, object Response, string[] Texts)> Samples = new()
    {
        ["activation-curve"] = (new ActivationCurvePlotRenderer(), ActivationCurveSample(),
            ["scaled-sigmoid (k = 2, l = 1, x0 = 0.5) and its derivative", "scaled-sigmoid(x)", "scaled-sigmoid′(x), the derivative"]),
        ["activation-compare"] = (new ActivationComparisonPlotRenderer(), ActivationComparisonSample(),
            ["Activations compared: sigmoid, tanh, relu, logit", "tanh", "relu", "logit"]),
        ["decision-boundary"] = (new DecisionBoundaryPlotRenderer(), DecisionBoundarySample(),
            ["Sigmoid neuron: output and decision boundary", "boundary y = -0.5 x + 0.25", "P(output = 1)", "x (input 1)"]),
        ["reinforce"] = (new ReinforcePlotRenderer(), ReinforceSample(),
            ["REINFORCE with a sigmoid policy: learning curve", "reward received (block mean)", "optimal policy (0.8)", "episode"]),
        ["logistic-curve"] = (new LogisticCurvePlotRenderer(), LogisticCurveSample(),
            ["Logistic regression: fitted probability and training data", "P(pass | x) = sigmoid(1.5 x - 4.077)",
                "training points of class pass", "training points of class fail", "decision boundary x = 2.718"]),
        ["vanishing-gradient"] = (new VanishingGradientPlotRenderer(), VanishingGradientSample(),
            ["Vanishing gradient: sigmoid, standard initialisation", "gradient at the pre-activations", "gradient of the weights",
                "gradient norm (log scale)", "1e-3"]),
        ["generated-digits"] = (new GeneratedDigitsPlotRenderer(), GeneratedDigitsSample(),
            ["mnist-vae-decoder: 10 digits from seed 7", "decoded from 2-dimensional latent vectors", "pixel intensity (ink)", "column"]),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_Svg_ParsesWithTitleAndLegend(string name)
    {
        var (renderer, response, expectedTexts) = Samples[name];

        var svg = _images.Render(new PlotRequest(PlotFormat.Svg, 800, 500), renderer, response);

        var texts = PlotAssertions.SvgTexts(svg);
        foreach (var expected in expectedTexts)
        {
            PlotAssertions.ContainsText(texts, expected);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_Png_HasRequestedSizeAndTitleInk(string name)
    {
        var (renderer, response, _) = Samples[name];

        var png = _images.Render(new PlotRequest(PlotFormat.Png, 800, 500), renderer, response);
        PlotAssertions.Save(png, $"{name}.png");

        PlotAssertions.IsPng(png, 800, 500);
        PlotAssertions.HasTitleInk(png);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_SmallPng_HasRequestedSize(string name)
    {
        var (renderer, response, _) = Samples[name];

        var png = _images.Render(new PlotRequest(PlotFormat.Png, 320, 200), renderer, response);

        PlotAssertions.IsPng(png, 320, 200);
    }

    [Fact]
    public void Render_ManyPlotsInParallel_AllSucceed()
    {
        // Requests render concurrently and ScottPlot keeps its fonts in static state, so this must hold up.
        var names = Samples.Keys.ToArray();
        var sizes = new int[32];

        Parallel.For(0, sizes.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, index =>
        {
            var (renderer, response, _) = Samples[names[index % names.Length]];
            sizes[index] = _images.Render(new PlotRequest(PlotFormat.Png, 400, 300), renderer, response).Length;
        });

        Assert.All(sizes, size => Assert.True(size > 1000, $"A parallel render returned only {size} bytes."));
    }

    [Fact]
    public void Decimate_LongSeries_KeepsExtremesInOrder()
    {
        var x = Enumerable.Range(0, 100_000).Select(i => i * 1e-4).ToArray();
        var y = x.Select(value => Math.Sin(value * 7)).ToArray();
        y[54_321] = 25;

        var (thinX, thinY) = PlotStyle.Decimate(x, y, buckets: 500);

        Assert.InRange(thinX.Length, 500, 1000);
        Assert.Equal(thinX.Length, thinY.Length);
        Assert.Contains(25, thinY);
        Assert.Equal(y.Min(), thinY.Min());
        Assert.True(thinX.Zip(thinX.Skip(1)).All(pair => pair.First < pair.Second), "The thinned x values are not increasing.");
    }

    [Fact]
    public void Decimate_ShortSeries_IsUnchanged()
    {
        double[] x = [1, 2, 3];
        double[] y = [4, 5, 6];

        var (thinX, thinY) = PlotStyle.Decimate(x, y);

        Assert.Same(x, thinX);
        Assert.Same(y, thinY);
    }

    private static ActivationCurveResponse ActivationCurveSample()
    {
        var x = Enumerable.Range(0, 201).Select(i => -6 + (0.06 * i)).ToArray();
        var values = x.Select(value => 1 / (1 + Math.Exp(-2 * (value - 0.5)))).ToArray();
        var derivatives = values.Select(value => 2 * value * (1 - value)).ToArray();
        var parameters = new Dictionary<string, double> { ["k"] = 2, ["l"] = 1, ["x0"] = 0.5 };
        return new ActivationCurveResponse("scaled-sigmoid", parameters, x, values, derivatives);
    }

    private static ActivationComparisonResponse ActivationComparisonSample()
    {
        // The logit is defined on [0, 1] only, so most of its samples are NaN and its ends are infinite.
        var x = Enumerable.Range(0, 101).Select(i => -3 + (0.06 * i)).ToArray();
        var sigmoid = x.Select(value => 1 / (1 + Math.Exp(-value))).ToArray();
        var tanh = x.Select(Math.Tanh).ToArray();
        var logit = x.Select(value => value is < 0 or > 1 ? double.NaN : Math.Log(value / (1 - value))).ToArray();
        return new ActivationComparisonResponse(x,
        [
            new ActivationSeries("sigmoid", sigmoid, sigmoid.Select(value => value * (1 - value)).ToArray()),
            new ActivationSeries("tanh", tanh, tanh.Select(value => 1 - (value * value)).ToArray()),
            new ActivationSeries("relu", x.Select(value => Math.Max(0, value)).ToArray(), x.Select(value => value > 0 ? 1.0 : 0.0).ToArray()),
            new ActivationSeries("logit", logit, x.Select(value => value is < 0 or > 1 ? double.NaN : 1 / (value * (1 - value))).ToArray()),
        ]);
    }

    private static GenerateDigitsResponse GeneratedDigitsSample()
    {
        // Rings of growing thickness stand in for decoded digits.
        var images = Enumerable.Range(0, 10).Select(index =>
        {
            var pixels = new float[28 * 28];
            for (var i = 0; i < pixels.Length; i++)
            {
                var radius = Math.Sqrt(Math.Pow((i % 28) - 13.5, 2) + Math.Pow((i / 28) - 13.5, 2));
                pixels[i] = (float)Math.Clamp(1 - (Math.Abs(radius - 8) / (1 + (index * 0.4))), 0, 1);
            }

            return new GeneratedImage([index * 0.1f, -index * 0.1f], pixels, []);
        }).ToList();
        return new GenerateDigitsResponse("mnist-vae-decoder", "1", 2, 7, images);
    }

    private static DecisionBoundaryResult DecisionBoundarySample()
    {
        // w = (1, 2), b = -0.5: the boundary is y = -0.5 x + 0.25.
        const int Points = 41;
        var x = Enumerable.Range(0, Points).Select(i => -2 + (4.0 * i / (Points - 1))).ToArray();
        var y = x.ToArray();
        var probabilities = y.Select(yValue => x.Select(xValue => 1 / (1 + Math.Exp(-((1 * xValue) + (2 * yValue) - 0.5)))).ToArray()).ToArray();
        var boundary = new DecisionBoundaryLine(BoundaryKind.Line, -0.5, 0.25, 0.5, new PlanePoint(-2, 1.25), new PlanePoint(2, -0.75));
        return new DecisionBoundaryResult(x, y, probabilities, boundary);
    }

    private static LogisticCurveResponse LogisticCurveSample()
    {
        // Hours studied against passing an exam; the boundary is at -intercept / coefficient = 2.718.
        const double Coefficient = 1.5;
        const double Intercept = -4.077;
        var x = Enumerable.Range(0, 101).Select(i => i * 0.06).ToArray();
        var probabilities = x.Select(value => 1 / (1 + Math.Exp(-((Coefficient * value) + Intercept)))).ToArray();
        double[] hours = [0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0, 3.25, 3.5, 4.0, 4.25, 4.5, 4.75, 5.0, 5.5];
        int[] passed = [0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1];
        var labels = passed.Select(target => LabelValue.FromText(target == 1 ? "pass" : "fail")).ToArray();
        return new LogisticCurveResponse("model-1", [LabelValue.FromText("fail"), LabelValue.FromText("pass")], Coefficient, Intercept,
            -Intercept / Coefficient, x, probabilities, new LogisticCurvePoints(hours, passed, labels));
    }

    private static VanishingGradientResponse VanishingGradientSample()
    {
        // Sigmoid layers shrink the gradient about fourfold per layer on the way back to the input.
        var layers = Enumerable.Range(1, 10)
            .Select(layer => new LayerStatistics(layer, 0.5, 0.2 / layer, 0.02 * Math.Pow(4, layer - 10), 0.05 * Math.Pow(4, layer - 10)))
            .ToList();
        return new VanishingGradientResponse("sigmoid", "standard", 10, 64, 256, 1, layers, Math.Pow(4, -9), 0.9);
    }

    private static ReinforceResult ReinforceSample()
    {
        var curve = Enumerable.Range(1, 40)
            .Select(block => new LearningCurvePoint(block * 50, 0.5 + (0.3 * (1 - Math.Exp(-block / 8.0))) + (0.04 * Math.Sin(block)), 0.5 + (0.29 * (1 - Math.Exp(-block / 8.0)))))
            .ToList();
        return new ReinforceResult([0.5, -0.2, 0.1, 0.9], 0.05, curve, 0.8, 0.79, [0.6, -0.3, 0.1, 1.0], 0.0);
    }
}
