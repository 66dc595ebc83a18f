namespace SigmoidService.Domain.Expressions;

/// <summary>
/// Builds nodes with the algebraic simplifications that keep a derivative readable: x + 0 = x, x * 1 = x,
/// x * 0 = 0, x^1 = x, --x = x, and folding of operations on two numbers when the result is finite.
/// </summary>
/// <remarks>x * 0 = 0 ignores that 0 * Infinity is NaN in floating point, as symbolic algebra does.</remarks>
internal static class NodeBuilder
{
    public static ExpressionNode Number(double value) => value switch
    {
        0 when !double.IsNegative(value) => NumberNode.Zero,
        1 => NumberNode.One,
        _ => new NumberNode(value),
    };

    public static ExpressionNode Negate(ExpressionNode operand) => operand switch
    {
        NumberNode number => Number(-number.Value),
        NegateNode negate => negate.Operand,
        _ => new NegateNode(operand),
    };

    public static ExpressionNode Add(ExpressionNode left, ExpressionNode right)
    {
        if (IsZero(left))
        {
            return right;
        }

        if (IsZero(right))
        {
            return left;
        }

        if (TryFold(left, right, static (a, b) => a + b, out var folded))
        {
            return folded;
        }

        return right is NegateNode negate
            ? Subtract(left, negate.Operand)
            : new BinaryNode(BinaryOperator.Add, left, right);
    }

    public static ExpressionNode Subtract(ExpressionNode left, ExpressionNode right)
    {
        if (IsZero(right))
        {
            return left;
        }

        if (IsZero(left))
        {
            return Negate(right);
        }

        if (TryFold(left, right, static (a, b) => a - b, out var folded))
        {
            return folded;
        }

        return right is NegateNode negate
            ? Add(left, negate.Operand)
            : new BinaryNode(BinaryOperator.Subtract, left, right);
    }

    public static ExpressionNode Multiply(ExpressionNode left, ExpressionNode right)
    {
        if (IsZero(left) || IsZero(right))
        {
            return NumberNode.Zero;
        }

        if (IsNumber(left, 1))
        {
            return right;
        }

        if (IsNumber(right, 1))
        {
            return left;
        }

        if (IsNumber(left, -1))
        {
            return Negate(right);
        }

        if (IsNumber(right, -1))
        {
            return Negate(left);
        }

        if (TryFold(left, right, static (a, b) => a * b, out var folded))
        {
            return folded;
        }

        // Pull signs out so that products read -(a * b) rather than -a * b chains.
        if (left is NegateNode negatedLeft)
        {
            return Negate(Multiply(negatedLeft.Operand, right));
        }

        if (right is NegateNode negatedRight)
        {
            return Negate(Multiply(left, negatedRight.Operand));
        }

        // Write numeric factors first: 2 * x rather than x * 2.
        return right is NumberNode && left is not NumberNode
            ? new BinaryNode(BinaryOperator.Multiply, right, left)
            : new BinaryNode(BinaryOperator.Multiply, left, right);
    }

    public static ExpressionNode Divide(ExpressionNode left, ExpressionNode right)
    {
        if (IsZero(left) && !IsZero(right))
        {
            return NumberNode.Zero;
        }

        if (IsNumber(right, 1))
        {
            return left;
        }

        if (TryFold(left, right, static (a, b) => a / b, out var folded))
        {
            return folded;
        }

        if (left is NegateNode negatedLeft)
        {
            return Negate(Divide(negatedLeft.Operand, right));
        }

        return new BinaryNode(BinaryOperator.Divide, left, right);
    }

    public static ExpressionNode Power(ExpressionNode left, ExpressionNode right)
    {
        if (IsZero(right))
        {
            return NumberNode.One;
        }

        if (IsNumber(right, 1))
        {
            return left;
        }

        if (TryFold(left, right, Math.Pow, out var folded))
        {
            return folded;
        }

        return new BinaryNode(BinaryOperator.Power, left, right);
    }

    public static ExpressionNode Call(ExpressionFunction function, params ExpressionNode[] arguments) =>
        new FunctionNode(function, arguments);

    private static bool IsZero(ExpressionNode node) => node is NumberNode { Value: 0 };

    private static bool IsNumber(ExpressionNode node, double value) => node is NumberNode number && number.Value == value;

    private static bool TryFold(ExpressionNode left, ExpressionNode right, Func<double, double, double> operation, out ExpressionNode folded)
    {
        if (left is NumberNode a && right is NumberNode b)
        {
            var value = operation(a.Value, b.Value);
            if (double.IsFinite(value))
            {
                folded = Number(value);
                return true;
            }
        }

        folded = NumberNode.Zero;
        return false;
    }
}
