using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SigmoidService.Api.Tests.Networks;
using SigmoidService.Domain.Activations;

namespace SigmoidService.Api.Tests.Expressions;

public sealed class ExpressionEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string Evaluate = "/api/v1/expressions/evaluate";

    [Fact]
    public async Task Evaluate_SigmoidFormula_ReturnsValuesDerivativesAndFormula()
    {
        using var client = factory.CreateClient();

        var (status, body, _) = await ApiClient.PostAsync(client, Evaluate, """{"expression": "sigmoid(x)", "x": [-3, 0, 2.5]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        ActivationCatalog.TryGet("sigmoid", out var sigmoid);
        Assert.Equal([sigmoid!.Value(-3.0), 0.5, sigmoid.Value(2.5)], ApiClient.Vector(body.GetProperty("values")));
        Assert.Equal([sigmoid.Derivative(-3.0), 0.25, sigmoid.Derivative(2.5)], ApiClient.Vector(body.GetProperty("derivatives")));
        Assert.Equal("sigmoid(x) * sigmoid(-x)", body.GetProperty("derivativeExpression").GetString());
        Assert.Equal("sigmoid(x)", body.GetProperty("expression").GetString());
    }

    [Fact]
    public async Task Evaluate_ScaledLogistic_DerivativeIsExact()
    {
        using var client = factory.CreateClient();

        var (status, body, _) = await ApiClient.PostAsync(client, Evaluate, """{"expression": "1 / (1 + exp(-2 * x))", "x": [0]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0.5, body.GetProperty("values")[0].GetDouble());
        Assert.Equal(0.5, body.GetProperty("derivatives")[0].GetDouble());
    }

    [Fact]
    public async Task Evaluate_InfiniteX_GivesLimit()
    {
        using var client = factory.CreateClient();

        var (status, body, _) = await ApiClient.PostAsync(client, Evaluate, """{"expression": "sigmoid(x)", "x": ["-Infinity", "Infinity"]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([0.0, 1.0], ApiClient.Vector(body.GetProperty("values")));
    }

    [Fact]
    public async Task Evaluate_SyntaxError_GivesPosition()
    {
        using var client = factory.CreateClient();

        var (status, body, mediaType) = await ApiClient.PostAsync(client, Evaluate, """{"expression": "2 * (x + 1", "x": [1]}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal(11, body.GetProperty("position").GetInt32());
        Assert.Contains("position 11", body.GetProperty("errors").GetProperty("expression")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_SyntaxError_StatesPositionOnce()
    {
        using var client = factory.CreateClient();

        var (status, body, _) = await ApiClient.PostAsync(client, Evaluate, """{"expression": "2 * (x + 1", "x": [1]}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var detail = body.GetProperty("detail").GetString()!;
        // The message also names the unclosed '(' at position 6; the error's own position appears once.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(detail, "position 11"));
    }

    [Fact]
    public async Task Evaluate_CodeInjection_IsSyntaxError()
    {
        using var client = factory.CreateClient();

        var message = await ApiClient.AssertValidationProblemAsync(client, Evaluate,
            """{"expression": "System.IO.File.Delete(x)", "x": [1]}""", "expression");

        Assert.Contains("Unknown name 'System'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_TooLong_NamesExpression()
    {
        using var client = factory.CreateClient();
        var formula = string.Concat(Enumerable.Repeat("x+", 700)) + "x";

        var message = await ApiClient.AssertValidationProblemAsync(client, Evaluate, $$"""{"expression": "{{formula}}", "x": [1]}""", "expression");

        Assert.Contains("limit of 1000", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_NaNX_NamesElement()
    {
        using var client = factory.CreateClient();

        await ApiClient.AssertValidationProblemAsync(client, Evaluate, """{"expression": "x", "x": [1, "NaN"]}""", "x[1]");
    }

    [Fact]
    public async Task Evaluate_MissingExpression_NamesExpression()
    {
        using var client = factory.CreateClient();

        await ApiClient.AssertValidationProblemAsync(client, Evaluate, """{"x": [1]}""", "expression");
    }

    [Fact]
    public async Task Evaluate_TooManyFunctionCalls_NamesX()
    {
        using var client = factory.CreateClient();
        var points = string.Join(", ", Enumerable.Repeat("0.5", 50_000));

        var message = await ApiClient.AssertValidationProblemAsync(client, Evaluate,
            $$"""{"expression": "erf(x) + erf(2 * x) + erf(3 * x) + erf(4 * x) + erf(5 * x)", "x": [{{points}}]}""", "x");

        Assert.Contains("250000 function calls", message, StringComparison.Ordinal);
    }
}
