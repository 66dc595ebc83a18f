using System.Collections.Frozen;

namespace SigmoidService.Domain.Expressions;

/// <summary>The names and arities of the functions a formula may call.</summary>
internal static class ExpressionFunctions
{
    private static readonly FrozenDictionary<string, ExpressionFunction> ByName = new Dictionary<string, ExpressionFunction>(StringComparer.Ordinal)
    {
        ["exp"] = ExpressionFunction.Exp,
        ["log"] = ExpressionFunction.Log,
        ["log1p"] = ExpressionFunction.Log1p,
        ["expm1"] = ExpressionFunction.Expm1,
        ["sqrt"] = ExpressionFunction.Sqrt,
        ["abs"] = ExpressionFunction.Abs,
        ["sign"] = ExpressionFunction.Sign,
        ["tanh"] = ExpressionFunction.Tanh,
        ["sinh"] = ExpressionFunction.Sinh,
        ["cosh"] = ExpressionFunction.Cosh,
        ["sin"] = ExpressionFunction.Sin,
        ["cos"] = ExpressionFunction.Cos,
        ["erf"] = ExpressionFunction.Erf,
        ["erfc"] = ExpressionFunction.Erfc,
        ["sigmoid"] = ExpressionFunction.Sigmoid,
        ["softplus"] = ExpressionFunction.Softplus,
        ["min"] = ExpressionFunction.Min,
        ["max"] = ExpressionFunction.Max,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The function names in the order they are documented.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. ByName.OrderBy(pair => pair.Value).Select(pair => pair.Key)];

    public static bool TryFind(string name, out ExpressionFunction function) => ByName.TryGetValue(name, out function);

    public static string NameOf(ExpressionFunction function) => function switch
    {
        ExpressionFunction.Exp => "exp",
        ExpressionFunction.Log => "log",
        ExpressionFunction.Log1p => "log1p",
        ExpressionFunction.Expm1 => "expm1",
        ExpressionFunction.Sqrt => "sqrt",
        ExpressionFunction.Abs => "abs",
        ExpressionFunction.Sign => "sign",
        ExpressionFunction.Tanh => "tanh",
        ExpressionFunction.Sinh => "sinh",
        ExpressionFunction.Cosh => "cosh",
        ExpressionFunction.Sin => "sin",
        ExpressionFunction.Cos => "cos",
        ExpressionFunction.Erf => "erf",
        ExpressionFunction.Erfc => "erfc",
        ExpressionFunction.Sigmoid => "sigmoid",
        ExpressionFunction.Softplus => "softplus",
        ExpressionFunction.Min => "min",
        ExpressionFunction.Max => "max",
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "Unknown function."),
    };

    public static int ArityOf(ExpressionFunction function) =>
        function is ExpressionFunction.Min or ExpressionFunction.Max ? 2 : 1;
}
