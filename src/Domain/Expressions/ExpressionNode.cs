using System.Globalization;
using System.Text;

namespace SigmoidService.Domain.Expressions;

/// <summary>
/// A node of a parsed formula. Nodes are immutable and may be shared, so a derivative reuses the subtrees
/// of its expression; <see cref="Size"/> counts the nodes of the fully expanded tree.
/// </summary>
internal abstract class ExpressionNode
{
    protected ExpressionNode(long size, bool dependsOnVariable)
    {
        Size = size;
        DependsOnVariable = dependsOnVariable;
    }

    /// <summary>The count of nodes when shared subtrees are written out, as in the printed formula.</summary>
    public long Size { get; }

    /// <summary>Whether the variable x occurs in this subtree.</summary>
    public bool DependsOnVariable { get; }

    /// <summary>The binding strength used to decide where the printed form needs parentheses.</summary>
    public abstract int Precedence { get; }

    public abstract void Write(StringBuilder builder);

    public override string ToString()
    {
        var builder = new StringBuilder();
        Write(builder);
        return builder.ToString();
    }

    /// <summary>Precedences, from loosest to tightest.</summary>
    internal static class Binding
    {
        public const int Additive = 1;
        public const int Multiplicative = 2;
        public const int Unary = 3;
        public const int Power = 4;
        public const int Atom = 5;
    }

    internal static void WriteChild(StringBuilder builder, ExpressionNode child, bool parenthesize)
    {
        if (parenthesize)
        {
            builder.Append('(');
        }

        child.Write(builder);
        if (parenthesize)
        {
            builder.Append(')');
        }
    }
}

/// <summary>A numeric literal, or a folded constant.</summary>
internal sealed class NumberNode(double value) : ExpressionNode(1, false)
{
    public static readonly NumberNode Zero = new(0);
    public static readonly NumberNode One = new(1);

    public double Value { get; } = value;

    // A negative number prints with a leading minus, so it binds like a unary minus.
    public override int Precedence => Value < 0 || double.IsNegative(Value) ? Binding.Unary : Binding.Atom;

    public override void Write(StringBuilder builder) =>
        builder.Append(Value.ToString("R", CultureInfo.InvariantCulture));
}

/// <summary>The variable x.</summary>
internal sealed class VariableNode : ExpressionNode
{
    public static readonly VariableNode Instance = new();

    private VariableNode()
        : base(1, true)
    {
    }

    public override int Precedence => Binding.Atom;

    public override void Write(StringBuilder builder) => builder.Append('x');
}

/// <summary>A named constant: pi or e.</summary>
internal sealed class ConstantNode(string name, double value) : ExpressionNode(1, false)
{
    public static readonly ConstantNode Pi = new("pi", Math.PI);
    public static readonly ConstantNode E = new("e", Math.E);

    public string Name { get; } = name;

    public double Value { get; } = value;

    public override int Precedence => Binding.Atom;

    public override void Write(StringBuilder builder) => builder.Append(Name);
}

/// <summary>Unary minus.</summary>
internal sealed class NegateNode(ExpressionNode operand) : ExpressionNode(operand.Size + 1, operand.DependsOnVariable)
{
    public ExpressionNode Operand { get; } = operand;

    public override int Precedence => Binding.Unary;

    public override void Write(StringBuilder builder)
    {
        builder.Append('-');
        WriteChild(builder, Operand, Operand.Precedence < Binding.Unary);
    }
}

/// <summary>The binary operators, in the order of the grammar.</summary>
internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
}

/// <summary>A binary operation. Every operator is left-associative except ^, which is right-associative.</summary>
internal sealed class BinaryNode(BinaryOperator op, ExpressionNode left, ExpressionNode right)
    : ExpressionNode(left.Size + right.Size + 1, left.DependsOnVariable || right.DependsOnVariable)
{
    public BinaryOperator Operator { get; } = op;

    public ExpressionNode Left { get; } = left;

    public ExpressionNode Right { get; } = right;

    public override int Precedence => Operator switch
    {
        BinaryOperator.Add or BinaryOperator.Subtract => Binding.Additive,
        BinaryOperator.Multiply or BinaryOperator.Divide => Binding.Multiplicative,
        _ => Binding.Power,
    };

    public override void Write(StringBuilder builder)
    {
        var precedence = Precedence;
        if (Operator == BinaryOperator.Power)
        {
            // Right-associative: a parenthesised left power or sign must stay parenthesised.
            WriteChild(builder, Left, Left.Precedence <= precedence);
            builder.Append('^');
            WriteChild(builder, Right, Right.Precedence < precedence);
            return;
        }

        // Left-associative: a right operand of equal precedence keeps its parentheses, so that the printed
        // formula parses back to the same tree and evaluates in the same floating-point order.
        WriteChild(builder, Left, Left.Precedence < precedence);
        builder.Append(Operator switch
        {
            BinaryOperator.Add => " + ",
            BinaryOperator.Subtract => " - ",
            BinaryOperator.Multiply => " * ",
            _ => " / ",
        });
        WriteChild(builder, Right, Right.Precedence <= precedence);
    }
}

/// <summary>A call of one of the <see cref="ExpressionFunction"/>s.</summary>
internal sealed class FunctionNode : ExpressionNode
{
    public FunctionNode(ExpressionFunction function, IReadOnlyList<ExpressionNode> arguments)
        : base(1 + arguments.Sum(argument => argument.Size), arguments.Any(argument => argument.DependsOnVariable))
    {
        Function = function;
        Arguments = arguments;
    }

    public ExpressionFunction Function { get; }

    public IReadOnlyList<ExpressionNode> Arguments { get; }

    public override int Precedence => Binding.Atom;

    public override void Write(StringBuilder builder)
    {
        builder.Append(ExpressionFunctions.NameOf(Function)).Append('(');
        for (var i = 0; i < Arguments.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Arguments[i].Write(builder);
        }

        builder.Append(')');
    }
}
