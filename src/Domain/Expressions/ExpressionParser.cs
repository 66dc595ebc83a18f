using System.Globalization;

namespace SigmoidService.Domain.Expressions;

/// <summary>
/// A recursive-descent parser for formulas in x. It builds a tree and never executes text. Grammar, from
/// loosest to tightest binding:
/// <code>
/// expression := term (('+' | '-') term)*
/// term       := unary (('*' | '/') unary)*
/// unary      := ('-' | '+') unary | power
/// power      := primary ('^' unary)?          (right-associative, so 2^3^2 = 2^9 and -x^2 = -(x^2))
/// primary    := number | 'x' | 'pi' | 'e' | name '(' expression (',' expression)* ')' | '(' expression ')'
/// </code>
/// </summary>
internal sealed class ExpressionParser
{
    private readonly string _text;
    private readonly ExpressionLimits _limits;
    private int _position;
    private int _depth;
    private int _nodes;

    private ExpressionParser(string text, ExpressionLimits limits)
    {
        _text = text;
        _limits = limits;
    }

    public static ExpressionNode Parse(string text, ExpressionLimits limits)
    {
        if (text.Length > limits.MaxLength)
        {
            throw ErrorAt(limits.MaxLength, $"The expression has {text.Length} characters, more than the limit of {limits.MaxLength}.");
        }

        var parser = new ExpressionParser(text, limits);
        parser.SkipWhitespace();
        if (parser.AtEnd)
        {
            throw ErrorAt(0, "The expression is empty; write a formula in x such as 1 / (1 + exp(-x)).");
        }

        var root = parser.ParseExpression();
        parser.SkipWhitespace();
        if (!parser.AtEnd)
        {
            throw parser.Error($"Unexpected '{parser.Current}' after a complete expression; an operator is missing or a parenthesis is unbalanced.");
        }

        return root;
    }

    private bool AtEnd => _position >= _text.Length;

    private char Current => _text[_position];

    private ExpressionNode ParseExpression()
    {
        var left = ParseTerm();
        while (TryConsume('+', '-', out var op))
        {
            var right = ParseTerm();
            left = Count(new BinaryNode(op == '+' ? BinaryOperator.Add : BinaryOperator.Subtract, left, right));
        }

        return left;
    }

    private ExpressionNode ParseTerm()
    {
        var left = ParseUnary();
        while (TryConsume('*', '/', out var op))
        {
            var right = ParseUnary();
            left = Count(new BinaryNode(op == '*' ? BinaryOperator.Multiply : BinaryOperator.Divide, left, right));
        }

        return left;
    }

    private ExpressionNode ParseUnary()
    {
        if (TryConsume('-', '+', out var sign))
        {
            var start = _position;
            Enter(start);
            var operand = ParseUnary();
            Leave();
            return sign == '+' ? operand : Count(new NegateNode(operand));
        }

        return ParsePower();
    }

    private ExpressionNode ParsePower()
    {
        var start = _position;
        var primary = ParsePrimary();
        if (!TryConsume('^', '^', out _))
        {
            return primary;
        }

        Enter(start);
        var exponent = ParseUnary();
        Leave();
        return Count(new BinaryNode(BinaryOperator.Power, primary, exponent));
    }

    private ExpressionNode ParsePrimary()
    {
        SkipWhitespace();
        if (AtEnd)
        {
            throw Error("The expression ends where a number, x, a constant, a function or '(' was expected.");
        }

        var start = _position;
        var c = Current;
        if (char.IsAsciiDigit(c) || c == '.')
        {
            return Count(new NumberNode(ReadNumber()));
        }

        if (char.IsAsciiLetter(c))
        {
            return ParseName();
        }

        if (c == '(')
        {
            _position++;
            Enter(start);
            var inner = ParseExpression();
            Expect(')', start);
            Leave();
            return inner;
        }

        throw Error(c is ')' or '+' or '*' or '/' or '^' or ','
            ? $"Unexpected '{c}' where a number, x, a constant, a function or '(' was expected."
            : $"Unexpected character '{c}'; a formula may contain numbers, x, pi, e, functions, + - * / ^, parentheses and commas.");
    }

    private ExpressionNode ParseName()
    {
        var start = _position;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || Current == '_'))
        {
            _position++;
        }

        var name = _text[start.._position];
        switch (name)
        {
            case "x":
                return Count(VariableNode.Instance);
            case "pi":
                return Count(ConstantNode.Pi);
            case "e":
                return Count(ConstantNode.E);
        }

        if (!ExpressionFunctions.TryFind(name, out var function))
        {
            throw ErrorAt(start,
                $"Unknown name '{name}'. The variable is x, the constants are pi and e, and the functions are {string.Join(", ", ExpressionFunctions.Names)}.");
        }

        SkipWhitespace();
        if (AtEnd || Current != '(')
        {
            throw Error($"The function '{name}' must be followed by '(' and its argument.");
        }

        var open = _position;
        _position++;
        Enter(open);
        var arguments = new List<ExpressionNode> { ParseExpression() };
        while (TryConsume(',', ',', out _))
        {
            arguments.Add(ParseExpression());
        }

        Expect(')', open);
        Leave();

        var arity = ExpressionFunctions.ArityOf(function);
        if (arguments.Count != arity)
        {
            throw ErrorAt(start, $"The function '{name}' takes {arity} argument{(arity == 1 ? string.Empty : "s")}, not {arguments.Count}.");
        }

        return Count(new FunctionNode(function, arguments));
    }

    private double ReadNumber()
    {
        var start = _position;
        while (!AtEnd && char.IsAsciiDigit(Current))
        {
            _position++;
        }

        if (!AtEnd && Current == '.')
        {
            _position++;
            while (!AtEnd && char.IsAsciiDigit(Current))
            {
                _position++;
            }
        }

        // An exponent only when digits follow, so that "2e" stays a syntax error about the constant e.
        if (!AtEnd && (Current == 'e' || Current == 'E'))
        {
            var next = _position + 1;
            if (next < _text.Length && (_text[next] == '+' || _text[next] == '-'))
            {
                next++;
            }

            if (next < _text.Length && char.IsAsciiDigit(_text[next]))
            {
                _position = next;
                while (!AtEnd && char.IsAsciiDigit(Current))
                {
                    _position++;
                }
            }
        }

        var literal = _text.AsSpan(start, _position - start);
        if (literal is "." || !double.TryParse(literal, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            throw ErrorAt(start, $"'{literal}' is not a valid number.");
        }

        if (!double.IsFinite(value))
        {
            throw ErrorAt(start, "The number is too large for a double.");
        }

        return value;
    }

    private bool TryConsume(char first, char second, out char consumed)
    {
        SkipWhitespace();
        if (!AtEnd && (Current == first || Current == second))
        {
            consumed = Current;
            _position++;
            return true;
        }

        consumed = '\0';
        return false;
    }

    private void Expect(char expected, int openedAt)
    {
        SkipWhitespace();
        if (AtEnd)
        {
            throw Error($"The '(' at position {openedAt + 1} is never closed; '{expected}' is missing.");
        }

        if (Current != expected)
        {
            throw Error($"Expected '{expected}' to close the '(' at position {openedAt + 1}, found '{Current}'.");
        }

        _position++;
    }

    private void Enter(int start)
    {
        _depth++;
        if (_depth > _limits.MaxNesting)
        {
            throw ErrorAt(start, $"The expression is nested more than {_limits.MaxNesting} levels deep.");
        }
    }

    private void Leave() => _depth--;

    private T Count<T>(T node)
        where T : ExpressionNode
    {
        _nodes++;
        if (_nodes > _limits.MaxNodes)
        {
            throw Error($"The expression has more than {_limits.MaxNodes} numbers, names and operations.");
        }

        return node;
    }

    private void SkipWhitespace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            _position++;
        }
    }

    private ExpressionSyntaxException Error(string message) => ErrorAt(Math.Min(_position, _text.Length), message);

    /// <summary>Builds the exception for the 0-based index <paramref name="index"/>, reported 1-based.</summary>
    private static ExpressionSyntaxException ErrorAt(int index, string message) =>
        new(index + 1, $"{message} (position {index + 1})");
}
