namespace SigmoidService.Domain.Expressions;

/// <summary>
/// A parsed formula in x, such as <c>1 / (1 + exp(-2 * x))</c>, that evaluates with its derivative by
/// forward-mode automatic differentiation and can write its derivative as a formula.
/// </summary>
/// <remarks>
/// <para>Syntax: numbers (with optional decimal point and exponent), x, the constants pi and e, the
/// operators + - * / ^ with the usual precedence (^ binds tightest and is right-associative, and -x^2 is
/// -(x^2)), unary minus, parentheses, and the functions exp, log, log1p, expm1, sqrt, abs, sign, tanh, sinh,
/// cosh, sin, cos, erf, erfc, sigmoid, softplus, min and max.</para>
/// <para>Accuracy: every value and derivative is the IEEE double result of the operations in the formula,
/// with log1p, expm1, erf, erfc, sigmoid and softplus computed by the service's accurate implementations,
/// so no truncation error is added.</para>
/// </remarks>
public sealed class Expression
{
    private readonly ExpressionNode _root;
    private readonly ExpressionProgram _program;

    private Expression(ExpressionNode root)
    {
        _root = root;
        _program = ExpressionProgram.Compile(root);
    }

    /// <summary>The formula as the parser read it, printed in a normal form with minimal parentheses.</summary>
    public string Text => _root.ToString();

    /// <summary>The count of numbers, names and operations in the written-out formula.</summary>
    public long NodeCount => _root.Size;

    /// <summary>The count of function calls (exp, erf, min and the rest) in one evaluation.</summary>
    public int FunctionCallCount => _program.FunctionCallCount;

    /// <summary>Parses <paramref name="text"/> within <paramref name="limits"/>.</summary>
    /// <exception cref="ExpressionSyntaxException">The text is not a valid formula or exceeds a limit.</exception>
    public static Expression Parse(string text, ExpressionLimits limits) => new(ExpressionParser.Parse(text, limits));

    /// <summary>
    /// Returns the derivative with respect to x as a simplified formula built by the symbolic rules that
    /// match the automatic derivative.
    /// </summary>
    /// <exception cref="ExpressionSyntaxException">The written-out derivative has more than <see cref="ExpressionLimits.MaxDerivativeNodes"/> nodes.</exception>
    public Expression Differentiate(ExpressionLimits limits)
    {
        var derivative = SymbolicDerivative.Differentiate(_root);
        if (derivative.Size > limits.MaxDerivativeNodes)
        {
            throw new ExpressionSyntaxException(1,
                $"The derivative of the expression has {derivative.Size} nodes, more than the limit of {limits.MaxDerivativeNodes}; simplify the formula.");
        }

        return new Expression(derivative);
    }

    /// <summary>Evaluates the formula and its derivative at <paramref name="x"/>.</summary>
    public Dual Evaluate(double x) => WithUndefinedDerivative(_program.Evaluate(x, new Dual[_program.StackSize]));

    /// <summary>Evaluates the formula and its derivative at each of <paramref name="x"/>.</summary>
    public void Evaluate(ReadOnlySpan<double> x, Span<double> values, Span<double> derivatives)
    {
        if (values.Length < x.Length || derivatives.Length < x.Length)
        {
            throw new ArgumentException("The destinations must be at least as long as x.", nameof(values));
        }

        var stack = new Dual[_program.StackSize];
        for (var i = 0; i < x.Length; i++)
        {
            var result = WithUndefinedDerivative(_program.Evaluate(x[i], stack));
            values[i] = result.Value;
            derivatives[i] = result.Derivative;
        }
    }

    public override string ToString() => Text;

    // Where the value is undefined (log of a negative number) the chain rule still yields a finite
    // number, such as 1 / x for log(x), which would present a derivative of a function that has no value.
    private static Dual WithUndefinedDerivative(Dual result) =>
        double.IsNaN(result.Value) ? new Dual(double.NaN, double.NaN) : result;
}
