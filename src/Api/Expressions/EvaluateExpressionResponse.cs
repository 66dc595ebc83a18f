namespace SigmoidService.Api.Expressions;

/// <summary>A formula's values and derivatives by forward-mode automatic differentiation.</summary>
/// <param name="Expression">The formula as parsed, printed with minimal parentheses.</param>
/// <param name="DerivativeExpression">The derivative with respect to x as a simplified formula.</param>
/// <param name="X">The points.</param>
/// <param name="Values">f(x) at each point.</param>
/// <param name="Derivatives">f'(x) at each point, from dual numbers rather than finite differences.</param>
public sealed record EvaluateExpressionResponse(string Expression, string DerivativeExpression, double[] X, double[] Values, double[] Derivatives);
