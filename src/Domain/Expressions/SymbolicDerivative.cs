namespace SigmoidService.Domain.Expressions;

/// <summary>
/// Differentiates a formula tree with respect to x by the usual rules, simplifying as it builds. The rules
/// match those of <see cref="Dual"/>, so the printed derivative evaluates to the automatic derivative up to
/// rounding.
/// </summary>
internal static class SymbolicDerivative
{
    public static ExpressionNode Differentiate(ExpressionNode node)
    {
        if (!node.DependsOnVariable)
        {
            return NumberNode.Zero;
        }

        return node switch
        {
            VariableNode => NumberNode.One,
            NegateNode negate => NodeBuilder.Negate(Differentiate(negate.Operand)),
            BinaryNode binary => DifferentiateBinary(binary),
            FunctionNode function => DifferentiateFunction(function),
            _ => NumberNode.Zero,
        };
    }

    private static ExpressionNode DifferentiateBinary(BinaryNode node)
    {
        var u = node.Left;
        var v = node.Right;
        switch (node.Operator)
        {
            case BinaryOperator.Add:
                return NodeBuilder.Add(Differentiate(u), Differentiate(v));
            case BinaryOperator.Subtract:
                return NodeBuilder.Subtract(Differentiate(u), Differentiate(v));
            case BinaryOperator.Multiply:
                return NodeBuilder.Add(
                    NodeBuilder.Multiply(Differentiate(u), v),
                    NodeBuilder.Multiply(u, Differentiate(v)));
            case BinaryOperator.Divide:
                // (u / v)' = (u' v - u v') / v^2
                return NodeBuilder.Divide(
                    NodeBuilder.Subtract(NodeBuilder.Multiply(Differentiate(u), v), NodeBuilder.Multiply(u, Differentiate(v))),
                    NodeBuilder.Power(v, NodeBuilder.Number(2)));
            default:
                return DifferentiatePower(u, v, node);
        }
    }

    private static ExpressionNode DifferentiatePower(ExpressionNode u, ExpressionNode v, ExpressionNode power)
    {
        if (!v.DependsOnVariable)
        {
            // (u^c)' = c u^(c - 1) u'
            return NodeBuilder.Multiply(
                NodeBuilder.Multiply(v, NodeBuilder.Power(u, NodeBuilder.Subtract(v, NumberNode.One))),
                Differentiate(u));
        }

        if (!u.DependsOnVariable)
        {
            // (a^v)' = a^v ln(a) v'
            return NodeBuilder.Multiply(
                NodeBuilder.Multiply(power, NodeBuilder.Call(ExpressionFunction.Log, u)),
                Differentiate(v));
        }

        // (u^v)' = u^v (v' ln(u) + v u' / u)
        return NodeBuilder.Multiply(
            power,
            NodeBuilder.Add(
                NodeBuilder.Multiply(Differentiate(v), NodeBuilder.Call(ExpressionFunction.Log, u)),
                NodeBuilder.Divide(NodeBuilder.Multiply(v, Differentiate(u)), u)));
    }

    private static ExpressionNode DifferentiateFunction(FunctionNode node)
    {
        if (node.Function is ExpressionFunction.Min or ExpressionFunction.Max)
        {
            return DifferentiateMinMax(node);
        }

        var u = node.Arguments[0];
        var outer = node.Function switch
        {
            ExpressionFunction.Exp => node,
            ExpressionFunction.Log => NodeBuilder.Divide(NumberNode.One, u),
            ExpressionFunction.Log1p => NodeBuilder.Divide(NumberNode.One, NodeBuilder.Add(NumberNode.One, u)),
            ExpressionFunction.Expm1 => NodeBuilder.Call(ExpressionFunction.Exp, u),
            ExpressionFunction.Sqrt => NodeBuilder.Divide(NumberNode.One, NodeBuilder.Multiply(NodeBuilder.Number(2), node)),
            ExpressionFunction.Abs => NodeBuilder.Call(ExpressionFunction.Sign, u),
            ExpressionFunction.Sign => NumberNode.Zero,
            ExpressionFunction.Tanh => NodeBuilder.Subtract(NumberNode.One, NodeBuilder.Power(node, NodeBuilder.Number(2))),
            ExpressionFunction.Sinh => NodeBuilder.Call(ExpressionFunction.Cosh, u),
            ExpressionFunction.Cosh => NodeBuilder.Call(ExpressionFunction.Sinh, u),
            ExpressionFunction.Sin => NodeBuilder.Call(ExpressionFunction.Cos, u),
            ExpressionFunction.Cos => NodeBuilder.Negate(NodeBuilder.Call(ExpressionFunction.Sin, u)),
            ExpressionFunction.Erf => GaussianFactor(u),
            ExpressionFunction.Erfc => NodeBuilder.Negate(GaussianFactor(u)),
            // sigmoid(u) sigmoid(-u) equals sigmoid(u) (1 - sigmoid(u)) without its cancellation for large u.
            ExpressionFunction.Sigmoid => NodeBuilder.Multiply(node, NodeBuilder.Call(ExpressionFunction.Sigmoid, NodeBuilder.Negate(u))),
            ExpressionFunction.Softplus => NodeBuilder.Call(ExpressionFunction.Sigmoid, u),
            _ => throw new ArgumentOutOfRangeException(nameof(node), node.Function, "Unknown function."),
        };

        return NodeBuilder.Multiply(outer, Differentiate(u));
    }

    // 2 / sqrt(pi) * exp(-u^2), the derivative of erf.
    private static ExpressionNode GaussianFactor(ExpressionNode u) =>
        NodeBuilder.Multiply(
            NodeBuilder.Divide(NodeBuilder.Number(2), NodeBuilder.Call(ExpressionFunction.Sqrt, ConstantNode.Pi)),
            NodeBuilder.Call(ExpressionFunction.Exp, NodeBuilder.Negate(NodeBuilder.Power(u, NodeBuilder.Number(2)))));

    // min(a, b)' = (a' + b') / 2 - sign(a - b) (a' - b') / 2, and max with the sign flipped: the derivative of
    // the smaller (larger) argument, and the mean of both at a tie.
    private static ExpressionNode DifferentiateMinMax(FunctionNode node)
    {
        var a = node.Arguments[0];
        var b = node.Arguments[1];
        var da = Differentiate(a);
        var db = Differentiate(b);
        var two = NodeBuilder.Number(2);
        var mean = NodeBuilder.Divide(NodeBuilder.Add(da, db), two);
        var halfDifference = NodeBuilder.Divide(NodeBuilder.Subtract(da, db), two);
        var sign = NodeBuilder.Call(ExpressionFunction.Sign, NodeBuilder.Subtract(a, b));
        var switchTerm = NodeBuilder.Multiply(sign, halfDifference);
        return node.Function == ExpressionFunction.Max
            ? NodeBuilder.Add(mean, switchTerm)
            : NodeBuilder.Subtract(mean, switchTerm);
    }
}
