using SigmoidService.Domain.Activations;
using SigmoidService.Domain.Expressions;
using SigmoidService.Domain.Randomness;

namespace SigmoidService.Domain.Tests.Expressions;

/// <summary>
/// Property test: a catalogue activation written as a formula has the catalogue's values and analytic
/// derivatives at random points, so automatic differentiation and the hand-derived derivatives agree.
/// </summary>
public sealed class CatalogDerivativeTests
{
    // The written-out formulas round at every operation and cancel where the catalogue's double-double kernels
    // do not (1 + erf(x) for negative x, for example), so agreement is checked to 1e-12 × max(1, |f'|).
    private const double Tolerance = 1e-12;

    private const string SeluScale = "1.0507009873554805";
    private const string SeluAlpha = "1.6732632423543772";

    public static TheoryData<string, string> Formulas() => new()
    {
        { "sigmoid", "1 / (1 + exp(-x))" },
        { "sigmoid", "sigmoid(x)" },
        { "log-sigmoid", "-softplus(-x)" },
        { "tanh", "tanh(x)" },
        { "tanh", "(exp(x) - exp(-x)) / (exp(x) + exp(-x))" },
        { "relu", "max(x, 0)" },
        { "leaky-relu", "max(x, 0.01 * x)" },
        { "elu", "max(x, 0) + min(expm1(x), 0)" },
        { "selu", $"{SeluScale} * (max(x, 0) + min({SeluAlpha} * expm1(x), 0))" },
        { "gelu", "x / 2 * (1 + erf(x / sqrt(2)))" },
        { "gelu", "x / 2 * erfc(-x / sqrt(2))" },
        { "silu", "x * sigmoid(x)" },
        { "softplus", "softplus(x)" },
        { "softplus", "log1p(exp(x))" },
        { "softsign", "x / (1 + abs(x))" },
        { "hard-sigmoid", "min(max(x / 6 + 0.5, 0), 1)" },
        { "hard-swish", "x * min(max(x + 3, 0), 6) / 6" },
        { "mish", "x * tanh(softplus(x))" },
    };

    [Theory]
    [MemberData(nameof(Formulas))]
    public void Evaluate_ActivationFormula_MatchesCatalogue(string name, string formula)
    {
        Assert.True(ActivationCatalog.TryGet(name, out var activation));
        var expression = Expression.Parse(formula, ExpressionLimits.Default);
        var random = new SeededRandom(2010UL);

        for (var i = 0; i < 500; i++)
        {
            var x = random.NextUniform(-8, 8);
            var result = expression.Evaluate(x);
            var value = activation.Value(x);
            var derivative = activation.Derivative(x);
            Assert.True(Math.Abs(result.Value - value) <= Tolerance * Math.Max(1, Math.Abs(value)),
                $"{formula} at x = {x:R}: value {result.Value:R}, catalogue {value:R}");
            Assert.True(Math.Abs(result.Derivative - derivative) <= Tolerance * Math.Max(1, Math.Abs(derivative)),
                $"{formula} at x = {x:R}: derivative {result.Derivative:R}, catalogue {derivative:R}");
        }
    }

    [Theory]
    [InlineData("sigmoid", "sigmoid(x)")]
    [InlineData("softplus", "softplus(x)")]
    [InlineData("tanh", "tanh(x)")]
    public void Evaluate_CatalogueFunction_IsBitIdentical(string name, string formula)
    {
        Assert.True(ActivationCatalog.TryGet(name, out var activation));
        var expression = Expression.Parse(formula, ExpressionLimits.Default);
        var random = new SeededRandom(7UL);

        for (var i = 0; i < 500; i++)
        {
            var x = random.NextUniform(-40, 40);
            var result = expression.Evaluate(x);
            Assert.Equal(activation.Value(x), result.Value);
            if (name != "softplus")
            {
                Assert.Equal(activation.Derivative(x), result.Derivative);
            }
        }
    }

    [Fact]
    public void Evaluate_LogitFormula_MatchesCatalogueInsideUnitInterval()
    {
        Assert.True(ActivationCatalog.TryGet("logit", out var logit));
        var expression = Expression.Parse("log(x / (1 - x))", ExpressionLimits.Default);
        var random = new SeededRandom(11UL);

        for (var i = 0; i < 500; i++)
        {
            var x = random.NextUniform(0.01, 0.99);
            var result = expression.Evaluate(x);
            Assert.Equal(logit.Value(x), result.Value, Tolerance * Math.Max(1, Math.Abs(logit.Value(x))));
            Assert.Equal(logit.Derivative(x), result.Derivative, Tolerance * Math.Abs(logit.Derivative(x)));
        }
    }

    [Theory]
    [InlineData(1e-10)]
    [InlineData(-1e-300)]
    [InlineData(0.5)]
    [InlineData(-0.75)]
    public void Evaluate_Log1pAndExpm1_InvertEachOther(double x)
    {
        var result = Expression.Parse("log1p(expm1(x))", ExpressionLimits.Default).Evaluate(x);

        Assert.Equal(x, result.Value, Math.Abs(x) * 2e-16);
        Assert.Equal(1.0, result.Derivative, 1e-15);
    }

    [Theory]
    [InlineData(0.5, 0.5204998778130465)]
    [InlineData(3.0, 0.9999779095030014)]
    [InlineData(-6.0, -1.0)]
    public void Evaluate_Erf_MatchesMpmath(double x, double expected)
    {
        // Values from mpmath.erf at 30 digits, rounded to double.
        Assert.Equal(expected, Expression.Parse("erf(x)", ExpressionLimits.Default).Evaluate(x).Value, Math.Abs(expected) * 2.3e-16);
    }

    [Theory]
    [InlineData(5.0, 1.537459794428035e-12)]
    [InlineData(10.0, 2.088487583762545e-45)]
    [InlineData(26.0, 5.663192408856143e-296)]
    public void Evaluate_ErfcTail_KeepsRelativeAccuracy(double x, double expected)
    {
        // Values from mpmath.erfc at 30 digits, rounded to double.
        Assert.Equal(expected, Expression.Parse("erfc(x)", ExpressionLimits.Default).Evaluate(x).Value, expected * 4.5e-16);
    }
}
