using SigmoidService.Domain.Expressions;

namespace SigmoidService.Domain.Tests.Expressions;

public sealed class ExpressionTests
{
    private static readonly ExpressionLimits Limits = ExpressionLimits.Default;

    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("2 ^ 3 ^ 2", 512)]
    [InlineData("-2 ^ 2", -4)]
    [InlineData("2 ^ -1", 0.5)]
    [InlineData("8 / 4 / 2", 1)]
    [InlineData("10 - 4 - 3", 3)]
    [InlineData("--3", 3)]
    [InlineData("+3", 3)]
    [InlineData("1.5e2 + .5", 150.5)]
    [InlineData("2E-1", 0.2)]
    [InlineData("min(3, max(1, 2))", 2)]
    [InlineData("abs(-3) + sqrt(16)", 7)]
    [InlineData("log(e)", 1)]
    [InlineData("cos(pi)", -1)]
    public void Evaluate_ConstantFormula_FollowsPrecedence(string text, double expected)
    {
        var value = Expression.Parse(text, Limits).Evaluate(0);

        Assert.Equal(expected, value.Value, 14);
        Assert.Equal(0, value.Derivative);
    }

    [Theory]
    [InlineData("x^2", 3, 9, 6)]
    [InlineData("x^3 - 2*x", 2, 4, 10)]
    [InlineData("exp(2*x)", 0.5, 2.718281828459045, 5.43656365691809)]
    [InlineData("1/x", 4, 0.25, -0.0625)]
    [InlineData("x^x", 2, 4, 6.772588722239781)]
    [InlineData("2^x", 3, 8, 5.545177444479562)]
    [InlineData("sin(x) * cos(x)", 0.3, 0.28232123669751769, 0.82533561490967822)]
    [InlineData("abs(x)", -2, 2, -1)]
    [InlineData("abs(x)", 0, 0, 0)]
    [InlineData("max(x, 1 - x)", 0.5, 0.5, 0)]
    [InlineData("min(x, 2 * x)", 1, 1, 1)]
    [InlineData("sqrt(x)", 4, 2, 0.25)]
    [InlineData("log1p(x)", 1e-10, 9.9999999995e-11, 0.9999999999)]
    public void Evaluate_Formula_GivesValueAndDerivative(string text, double x, double value, double derivative)
    {
        var result = Expression.Parse(text, Limits).Evaluate(x);

        Assert.Equal(value, result.Value, 14);
        Assert.Equal(derivative, result.Derivative, 13);
    }

    [Theory]
    [InlineData("1 / (1 + exp(-x))", "sigmoid(x)")]
    [InlineData("1 / (exp(-x) + 1)", "sigmoid(x)")]
    [InlineData("exp(x) / (1 + exp(x))", "sigmoid(x)")]
    [InlineData("1 / (1 + exp(-2 * x))", "sigmoid(2 * x)")]
    [InlineData("3 / (1 + exp(x - 1))", "3 * sigmoid(-(x - 1))")]
    public void Evaluate_SigmoidWrittenOut_IsBitIdenticalToSigmoidFunction(string written, string builtIn)
    {
        var writtenExpression = Expression.Parse(written, Limits);
        var builtInExpression = Expression.Parse(builtIn, Limits);

        // The extremes are where the written-out form breaks when evaluated literally: exp overflows
        // below x = -709 and the dual quotient rule would divide infinity by infinity.
        foreach (var x in new[] { -1000.0, -800.0, -745.0, -30.0, -5.0, 0.0, 0.7, 12.0, 40.0, 800.0 })
        {
            var expected = builtInExpression.Evaluate(x);
            var actual = writtenExpression.Evaluate(x);

            Assert.Equal(expected.Value, actual.Value);
            Assert.Equal(expected.Derivative, actual.Derivative);
            Assert.False(double.IsNaN(actual.Derivative), $"derivative at {x} is NaN");
        }
    }

    [Fact]
    public void Differentiate_SigmoidWrittenOut_KeepsUserForm()
    {
        var expression = Expression.Parse("1 / (1 + exp(-x))", Limits);

        Assert.Equal("1 / (1 + exp(-x))", expression.Text);
        Assert.Contains("exp(-x)", expression.Differentiate(Limits).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x^2", "2 * x")]
    [InlineData("3 * x + 1", "3")]
    [InlineData("exp(2 * x)", "2 * exp(2 * x)")]
    [InlineData("sin(x)", "cos(x)")]
    [InlineData("cos(x)", "-sin(x)")]
    [InlineData("log(x)", "1 / x")]
    [InlineData("sigmoid(x)", "sigmoid(x) * sigmoid(-x)")]
    [InlineData("softplus(x)", "sigmoid(x)")]
    [InlineData("abs(x)", "sign(x)")]
    [InlineData("5", "0")]
    [InlineData("x", "1")]
    [InlineData("-x", "-1")]
    [InlineData("tanh(x)", "1 - tanh(x)^2")]
    [InlineData("2^x", "2^x * log(2)")]
    public void Differentiate_SimpleFormula_IsSimplified(string text, string expected)
    {
        var derivative = Expression.Parse(text, Limits).Differentiate(Limits);

        Assert.Equal(expected, derivative.Text);
    }

    [Theory]
    [InlineData("1 / (1 + exp(-2 * x))")]
    [InlineData("x^x")]
    [InlineData("erf(x / sqrt(2)) * x")]
    [InlineData("erfc(x) - log1p(x^2) + expm1(x)")]
    [InlineData("min(x, x^2) + max(sin(x), cos(x))")]
    [InlineData("sqrt(1 + x^2) / cosh(x) + sinh(x)")]
    [InlineData("softplus(3 * x) - sigmoid(x) * tanh(x)")]
    [InlineData("abs(x - 0.25) ^ 1.5")]
    public void Differentiate_PrintedDerivative_EvaluatesToAutomaticDerivative(string text)
    {
        var expression = Expression.Parse(text, Limits);
        var derivative = Expression.Parse(expression.Differentiate(Limits).Text, Limits with { MaxNodes = 10_000, MaxLength = 100_000 });

        foreach (var x in new[] { 0.3, 0.8, 1.7, 2.9 })
        {
            var automatic = expression.Evaluate(x).Derivative;
            var symbolic = derivative.Evaluate(x).Value;
            Assert.Equal(automatic, symbolic, Math.Abs(automatic) * 1e-12);
        }
    }

    [Theory]
    [InlineData("x^2 + 3*x - 1")]
    [InlineData("-x^2")]
    [InlineData("2^3^x")]
    [InlineData("(x - 1) - (x - 2)")]
    [InlineData("x / (2 * x) / 3")]
    [InlineData("(-2)^x")]
    [InlineData("-(x + 1) * 3")]
    public void Text_PrintedFormula_ParsesBackToSameValues(string text)
    {
        var expression = Expression.Parse(text, Limits);
        var reparsed = Expression.Parse(expression.Text, Limits);

        foreach (var x in new[] { -1.5, 0.25, 2.0 })
        {
            Assert.Equal(expression.Evaluate(x), reparsed.Evaluate(x));
        }
    }

    [Theory]
    [InlineData("1 +", 4)]
    [InlineData("2 * (x + 1", 11)]
    [InlineData("foo(x)", 1)]
    [InlineData("x $ 2", 3)]
    [InlineData("sin x", 5)]
    [InlineData("x x", 3)]
    [InlineData("min(x)", 1)]
    [InlineData("exp(x, 2)", 1)]
    [InlineData("", 1)]
    [InlineData("()", 2)]
    [InlineData("2e", 2)]
    [InlineData("1..2", 3)]
    [InlineData("import os", 1)]
    public void Parse_InvalidFormula_ReportsPosition(string text, int position)
    {
        var error = Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse(text, Limits));

        Assert.Equal(position, error.Position);
        Assert.Contains($"position {position}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLong_IsRejected()
    {
        var text = string.Concat(Enumerable.Repeat("x+", 600)) + "x";

        var error = Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse(text, Limits));

        Assert.Contains("limit of 1000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooDeep_IsRejected()
    {
        var text = new string('(', 40) + "x" + new string(')', 40);

        var error = Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse(text, Limits));

        Assert.Equal(33, error.Position);
        Assert.Contains("nested more than 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManySigns_CountAsNesting()
    {
        var text = new string('-', 200) + "x";

        Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse(text, Limits));
    }

    [Fact]
    public void Parse_TooManyNodes_IsRejected()
    {
        var text = string.Join("+", Enumerable.Repeat("x", 200));

        var error = Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse(text, Limits));

        Assert.Contains("more than 256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Differentiate_LongProduct_StaysWithinDerivativeLimit()
    {
        var text = string.Join("*", Enumerable.Repeat("sin(x)", 60));
        var expression = Expression.Parse(text, Limits);

        var derivative = expression.Differentiate(Limits);

        Assert.True(derivative.NodeCount < Limits.MaxDerivativeNodes);
        var x = 0.9;
        Assert.Equal(expression.Evaluate(x).Derivative, Expression.Parse(derivative.Text, new ExpressionLimits(1_000_000, 64, 1_000_000, 1_000_000)).Evaluate(x).Value, 1e-12);
    }

    [Fact]
    public void Differentiate_OverDerivativeLimit_IsRejected()
    {
        var expression = Expression.Parse(string.Join("*", Enumerable.Repeat("sin(x)", 60)), Limits);

        Assert.Throws<ExpressionSyntaxException>(() => expression.Differentiate(Limits with { MaxDerivativeNodes = 100 }));
    }

    [Fact]
    public void Evaluate_Span_FillsValuesAndDerivatives()
    {
        var expression = Expression.Parse("x^2", Limits);
        var values = new double[3];
        var derivatives = new double[3];

        expression.Evaluate([1.0, 2.0, -3.0], values, derivatives);

        Assert.Equal([1.0, 4.0, 9.0], values);
        Assert.Equal([2.0, 4.0, -6.0], derivatives);
    }

    [Fact]
    public void Evaluate_OutsideDomain_GivesNaNNotException()
    {
        var result = Expression.Parse("log(x)", Limits).Evaluate(-1);

        Assert.True(double.IsNaN(result.Value));
        Assert.True(double.IsNaN(result.Derivative), $"derivative is {result.Derivative}, expected NaN");
    }
}
