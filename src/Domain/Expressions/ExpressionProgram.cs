namespace SigmoidService.Domain.Expressions;

/// <summary>
/// A formula compiled to postfix instructions, evaluated on a small stack of dual numbers so that a long
/// x array costs no recursion and no allocation per point.
/// </summary>
internal sealed class ExpressionProgram
{
    private readonly Instruction[] _instructions;

    private ExpressionProgram(Instruction[] instructions, int stackSize)
    {
        _instructions = instructions;
        StackSize = stackSize;
        FunctionCallCount = instructions.Count(instruction => instruction.Code is OpCode.Call or OpCode.Min or OpCode.Max);
    }

    public int StackSize { get; }

    public int InstructionCount => _instructions.Length;

    /// <summary>The count of function calls per evaluation; these cost far more than arithmetic.</summary>
    public int FunctionCallCount { get; }

    public static ExpressionProgram Compile(ExpressionNode root)
    {
        var instructions = new List<Instruction>();
        var depth = 0;
        var maxDepth = 0;
        Emit(root, instructions, ref depth, ref maxDepth);
        return new ExpressionProgram([.. instructions], Math.Max(maxDepth, 1));
    }

    public Dual Evaluate(double x, Dual[] stack)
    {
        var top = -1;
        foreach (ref readonly var instruction in _instructions.AsSpan())
        {
            switch (instruction.Code)
            {
                case OpCode.Constant:
                    stack[++top] = Dual.Constant(instruction.Constant);
                    break;
                case OpCode.Variable:
                    stack[++top] = Dual.Variable(x);
                    break;
                case OpCode.Negate:
                    stack[top] = -stack[top];
                    break;
                case OpCode.Add:
                    top--;
                    stack[top] += stack[top + 1];
                    break;
                case OpCode.Subtract:
                    top--;
                    stack[top] -= stack[top + 1];
                    break;
                case OpCode.Multiply:
                    top--;
                    stack[top] *= stack[top + 1];
                    break;
                case OpCode.Divide:
                    top--;
                    stack[top] /= stack[top + 1];
                    break;
                case OpCode.Power:
                    top--;
                    stack[top] = Dual.Pow(stack[top], stack[top + 1]);
                    break;
                case OpCode.Min:
                    top--;
                    stack[top] = Dual.Min(stack[top], stack[top + 1]);
                    break;
                case OpCode.Max:
                    top--;
                    stack[top] = Dual.Max(stack[top], stack[top + 1]);
                    break;
                default:
                    stack[top] = ApplyUnary(instruction.Function, stack[top]);
                    break;
            }
        }

        return stack[0];
    }

    private static Dual ApplyUnary(ExpressionFunction function, Dual u) => function switch
    {
        ExpressionFunction.Exp => Dual.Exp(u),
        ExpressionFunction.Log => Dual.Log(u),
        ExpressionFunction.Log1p => Dual.Log1p(u),
        ExpressionFunction.Expm1 => Dual.Expm1(u),
        ExpressionFunction.Sqrt => Dual.Sqrt(u),
        ExpressionFunction.Abs => Dual.Abs(u),
        ExpressionFunction.Sign => Dual.Sign(u),
        ExpressionFunction.Tanh => Dual.Tanh(u),
        ExpressionFunction.Sinh => Dual.Sinh(u),
        ExpressionFunction.Cosh => Dual.Cosh(u),
        ExpressionFunction.Sin => Dual.Sin(u),
        ExpressionFunction.Cos => Dual.Cos(u),
        ExpressionFunction.Erf => Dual.Erf(u),
        ExpressionFunction.Erfc => Dual.Erfc(u),
        ExpressionFunction.Sigmoid => Dual.Sigmoid(u),
        ExpressionFunction.Softplus => Dual.Softplus(u),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "Not a one-argument function."),
    };

    private static void Emit(ExpressionNode node, List<Instruction> instructions, ref int depth, ref int maxDepth)
    {
        switch (node)
        {
            case NumberNode number:
                Push(new Instruction(OpCode.Constant, number.Value, default), instructions, ref depth, ref maxDepth);
                break;
            case ConstantNode constant:
                Push(new Instruction(OpCode.Constant, constant.Value, default), instructions, ref depth, ref maxDepth);
                break;
            case VariableNode:
                Push(new Instruction(OpCode.Variable, 0, default), instructions, ref depth, ref maxDepth);
                break;
            case NegateNode negate:
                Emit(negate.Operand, instructions, ref depth, ref maxDepth);
                instructions.Add(new Instruction(OpCode.Negate, 0, default));
                break;
            case BinaryNode binary when TryRewriteLogistic(binary, out var logistic):
                Emit(logistic, instructions, ref depth, ref maxDepth);
                break;
            case BinaryNode binary:
                Emit(binary.Left, instructions, ref depth, ref maxDepth);
                Emit(binary.Right, instructions, ref depth, ref maxDepth);
                instructions.Add(new Instruction(CodeOf(binary.Operator), 0, default));
                depth--;
                break;
            case FunctionNode function:
                foreach (var argument in function.Arguments)
                {
                    Emit(argument, instructions, ref depth, ref maxDepth);
                }

                instructions.Add(function.Function switch
                {
                    ExpressionFunction.Min => new Instruction(OpCode.Min, 0, default),
                    ExpressionFunction.Max => new Instruction(OpCode.Max, 0, default),
                    _ => new Instruction(OpCode.Call, 0, function.Function),
                });
                depth -= function.Arguments.Count - 1;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "Unknown node type.");
        }
    }

    /// <summary>
    /// Recognises the logistic function written out, <c>c / (1 + exp(u))</c> and <c>exp(u) / (1 + exp(u))</c>,
    /// and evaluates it as <c>c * sigmoid(-u)</c> and <c>sigmoid(u)</c>. Written out, exp(u) overflows for u above
    /// about 709, and the dual quotient rule then divides infinity by infinity, so the derivative would be NaN
    /// where the true one is tiny. The catalogue's sigmoid is also correctly rounded where the plain formula
    /// is not. The printed formula and its symbolic derivative keep the user's form.
    /// </summary>
    private static bool TryRewriteLogistic(BinaryNode division, out ExpressionNode rewritten)
    {
        rewritten = NumberNode.Zero;
        if (division.Operator != BinaryOperator.Divide || !TryMatchOnePlusExp(division.Right, out var exponent))
        {
            return false;
        }

        switch (division.Left)
        {
            case NumberNode numerator:
                rewritten = NodeBuilder.Multiply(numerator,
                    NodeBuilder.Call(ExpressionFunction.Sigmoid, NodeBuilder.Negate(exponent)));
                return true;
            case FunctionNode { Function: ExpressionFunction.Exp } numerator
                when numerator.Arguments[0].ToString() == exponent.ToString():
                rewritten = NodeBuilder.Call(ExpressionFunction.Sigmoid, exponent);
                return true;
            default:
                return false;
        }
    }

    private static bool TryMatchOnePlusExp(ExpressionNode node, out ExpressionNode exponent)
    {
        exponent = NumberNode.Zero;
        if (node is not BinaryNode { Operator: BinaryOperator.Add } sum)
        {
            return false;
        }

        var (one, other) = sum.Left is NumberNode { Value: 1 } ? (sum.Left, sum.Right) : (sum.Right, sum.Left);
        if (one is not NumberNode { Value: 1 } || other is not FunctionNode { Function: ExpressionFunction.Exp } exp)
        {
            return false;
        }

        exponent = exp.Arguments[0];
        return true;
    }

    private static void Push(Instruction instruction, List<Instruction> instructions, ref int depth, ref int maxDepth)
    {
        instructions.Add(instruction);
        depth++;
        maxDepth = Math.Max(maxDepth, depth);
    }

    private static OpCode CodeOf(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => OpCode.Add,
        BinaryOperator.Subtract => OpCode.Subtract,
        BinaryOperator.Multiply => OpCode.Multiply,
        BinaryOperator.Divide => OpCode.Divide,
        _ => OpCode.Power,
    };

    private enum OpCode
    {
        Constant,
        Variable,
        Negate,
        Add,
        Subtract,
        Multiply,
        Divide,
        Power,
        Min,
        Max,
        Call,
    }

    private readonly record struct Instruction(OpCode Code, double Constant, ExpressionFunction Function);
}
