using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SigmoidService.Api.Infrastructure;
using SigmoidService.Api.Networks;
using SigmoidService.Domain.Expressions;

namespace SigmoidService.Api.Expressions;

/// <summary>The custom-activation formula endpoint under <c>/expressions</c>.</summary>
public static class ExpressionEndpoints
{
    public static RouteGroupBuilder MapExpressions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/expressions").WithTags("Expressions");

        group.MapPost("/evaluate", EvaluateExpression)
            .WithName("EvaluateExpression")
            .WithSummary("Evaluates a custom activation written as a formula, with its derivative")
            .WithDescription("Parses a formula in x: numbers, + - * / ^ (^ binds tightest and is right-associative, -x^2 is "
                + "-(x^2)), unary minus, parentheses, the constants pi and e, and the functions exp, log, log1p, expm1, sqrt, "
                + "abs, sign, tanh, sinh, cosh, sin, cos, erf, erfc, sigmoid, softplus, min and max. Values and derivatives "
                + "come from forward-mode automatic differentiation (dual numbers), exact to the rounding of each operation, "
                + "with sigmoid, softplus, tanh, log1p, expm1, erf and erfc from the activation catalogue's exact kernels. "
                + "derivativeExpression is the derivative as a simplified formula. The formula is parsed, never executed, "
                + "and is bounded in length, nesting depth and size; a syntax error is a 400 whose errors.expression message "
                + "and position field give the 1-based character position.")
            .WithRequestExample(new EvaluateExpressionRequest("1 / (1 + exp(-2 * x))", [-2.0, 0.0, 0.5, 3.0]))
            .ProducesValidationProblem();

        return group;
    }

    internal static Results<Ok<EvaluateExpressionResponse>, ValidationProblem> EvaluateExpression(
        EvaluateExpressionRequest request, IOptions<NetworkLimitsOptions> limits, ILoggerFactory loggers)
    {
        var max = limits.Value;
        var errors = new RequestErrors();
        errors.Required(request.Expression, "expression");
        errors.ValidNumbers(request.X, "x", max.MaxExpressionPoints, allowInfinity: true);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var expressionLimits = new ExpressionLimits(max.MaxExpressionLength, max.MaxExpressionNesting, max.MaxExpressionNodes, max.MaxExpressionDerivativeNodes);
        Expression expression;
        Expression derivative;
        try
        {
            expression = Expression.Parse(request.Expression!, expressionLimits);
            derivative = expression.Differentiate(expressionLimits);
        }
        catch (ExpressionSyntaxException syntax)
        {
            loggers.CreateLogger("SigmoidService.Api.Expressions").LogInformation(
                "Rejected a formula of {Length} characters at position {Position}: {Reason}", request.Expression!.Length, syntax.Position, syntax.Message);
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["expression"] = [syntax.Message] },
                detail: $"The expression is invalid: {syntax.Message}",
                title: "Invalid request",
                extensions: new Dictionary<string, object?> { ["position"] = syntax.Position });
        }

        var x = request.X!;
        var operations = x.Length * expression.NodeCount;
        var calls = (long)x.Length * expression.FunctionCallCount;
        if (operations > max.MaxExpressionOperations || calls > max.MaxExpressionFunctionCalls)
        {
            return RequestErrors.For("x",
                $"{x.Length} points × {expression.NodeCount} nodes = {operations} operations with {calls} function calls; the limits are "
                + $"{max.MaxExpressionOperations} operations and {max.MaxExpressionFunctionCalls} calls. Send fewer points or a shorter formula.");
        }

        var values = new double[x.Length];
        var derivatives = new double[x.Length];
        var watch = Stopwatch.StartNew();
        expression.Evaluate(x, values, derivatives);
        loggers.CreateLogger("SigmoidService.Api.Expressions").LogInformation(
            "Evaluated a formula of {Nodes} nodes at {Points} points in {ElapsedMs:0.0} ms", expression.NodeCount, x.Length, watch.Elapsed.TotalMilliseconds);

        return TypedResults.Ok(new EvaluateExpressionResponse(expression.Text, derivative.Text, x, values, derivatives));
    }
}
