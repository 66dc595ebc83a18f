namespace SigmoidService.Domain.Expressions;

/// <summary>
/// A dual number v + d·ε with ε² = 0, used for forward-mode automatic differentiation: evaluating a
/// formula on (x, 1) yields (f(x), f'(x)), each exact to the rounding of the operations involved, with no
/// step size as in finite differences.
/// </summary>
/// <param name="Value">The value part.</param>
/// <param name="Derivative">The derivative part (the coefficient of ε).</param>
public readonly record struct Dual(double Value, double Derivative)
{
    private const double TwoOverSqrtPi = 1.1283791670955126;

    /// <summary>Returns a constant: a number whose derivative is zero.</summary>
    public static Dual Constant(double value) => new(value, 0);

    /// <summary>Returns the independent variable at <paramref name="value"/>, whose derivative is one.</summary>
    public static Dual Variable(double value) => new(value, 1);

    public static Dual operator +(Dual left, Dual right) => new(left.Value + right.Value, left.Derivative + right.Derivative);

    public static Dual operator -(Dual left, Dual right) => new(left.Value - right.Value, left.Derivative - right.Derivative);

    public static Dual operator -(Dual operand) => new(-operand.Value, -operand.Derivative);

    public static Dual operator *(Dual left, Dual right) =>
        new(left.Value * right.Value, Scale(left.Derivative, right.Value) + Scale(right.Derivative, left.Value));

    /// <summary>
    /// Divides, with (u / v)' = (u' - (u / v) v') / v, the quotient rule arranged so that v^2 cannot overflow.
    /// </summary>
    public static Dual operator /(Dual left, Dual right)
    {
        var quotient = left.Value / right.Value;
        return new(quotient, (left.Derivative - Scale(right.Derivative, quotient)) / right.Value);
    }

    public static Dual Add(Dual left, Dual right) => left + right;

    public static Dual Subtract(Dual left, Dual right) => left - right;

    public static Dual Negate(Dual operand) => -operand;

    public static Dual Multiply(Dual left, Dual right) => left * right;

    public static Dual Divide(Dual left, Dual right) => left / right;

    /// <summary>
    /// Raises to a power. With a constant exponent c the derivative is c u^(c - 1) u', so a negative base
    /// works with integer exponents; with a constant base a it is a^v ln(a) v'; otherwise u^v (v' ln u + v u' / u).
    /// </summary>
    public static Dual Pow(Dual @base, Dual exponent)
    {
        var value = Math.Pow(@base.Value, exponent.Value);
        double derivative;
        if (exponent.Derivative == 0)
        {
            derivative = @base.Derivative == 0 || exponent.Value == 0
                ? 0
                : exponent.Value * Math.Pow(@base.Value, exponent.Value - 1) * @base.Derivative;
        }
        else if (@base.Derivative == 0)
        {
            derivative = value * Math.Log(@base.Value) * exponent.Derivative;
        }
        else
        {
            derivative = value * ((exponent.Derivative * Math.Log(@base.Value)) + (exponent.Value * @base.Derivative / @base.Value));
        }

        return new Dual(value, derivative);
    }

    public static Dual Exp(Dual u)
    {
        var value = Math.Exp(u.Value);
        return new(value, Scale(u.Derivative, value));
    }

    public static Dual Log(Dual u) => new(Math.Log(u.Value), u.Derivative / u.Value);

    public static Dual Log1p(Dual u) => new(ExactMath.Log1p(u.Value), u.Derivative / (1 + u.Value));

    public static Dual Expm1(Dual u) => new(ExactMath.Expm1(u.Value), Scale(u.Derivative, Math.Exp(u.Value)));

    public static Dual Sqrt(Dual u)
    {
        var value = Math.Sqrt(u.Value);
        return new(value, u.Derivative / (2 * value));
    }

    /// <summary>The absolute value, with derivative sign(u) u' (0 at u = 0, as in PyTorch).</summary>
    public static Dual Abs(Dual u) => new(Math.Abs(u.Value), Scale(u.Derivative, SignOf(u.Value)));

    /// <summary>The sign, whose derivative is zero wherever it is defined.</summary>
    public static Dual Sign(Dual u) => new(SignOf(u.Value), double.IsNaN(u.Value) ? double.NaN : 0);

    /// <summary>The hyperbolic tangent, with the catalogue's exact derivative 1 - tanh²(u), free of cancellation near saturation.</summary>
    public static Dual Tanh(Dual u) => new(ExactMath.Tanh(u.Value), Scale(u.Derivative, ExactMath.TanhDerivative(u.Value)));

    public static Dual Sinh(Dual u) => new(Math.Sinh(u.Value), Scale(u.Derivative, Math.Cosh(u.Value)));

    public static Dual Cosh(Dual u) => new(Math.Cosh(u.Value), Scale(u.Derivative, Math.Sinh(u.Value)));

    public static Dual Sin(Dual u) => new(Math.Sin(u.Value), Scale(u.Derivative, Math.Cos(u.Value)));

    public static Dual Cos(Dual u) => new(Math.Cos(u.Value), Scale(u.Derivative, -Math.Sin(u.Value)));

    public static Dual Erf(Dual u) => new(ExactMath.Erf(u.Value), Scale(u.Derivative, Gaussian(u.Value)));

    public static Dual Erfc(Dual u) => new(ExactMath.Erfc(u.Value), Scale(u.Derivative, -Gaussian(u.Value)));

    /// <summary>The logistic sigmoid, with derivative sigmoid(u) sigmoid(-u) u', which does not cancel for large u.</summary>
    public static Dual Sigmoid(Dual u) => new(ExactMath.Sigmoid(u.Value), Scale(u.Derivative, ExactMath.SigmoidDerivative(u.Value)));

    /// <summary>Softplus ln(1 + e^u), with derivative sigmoid(u) u'.</summary>
    public static Dual Softplus(Dual u) => new(ExactMath.Softplus(u.Value), Scale(u.Derivative, ExactMath.Sigmoid(u.Value)));

    /// <summary>The smaller argument with its derivative; at a tie the mean of both derivatives.</summary>
    public static Dual Min(Dual left, Dual right) => Select(left, right, preferLeft: left.Value < right.Value);

    /// <summary>The larger argument with its derivative; at a tie the mean of both derivatives.</summary>
    public static Dual Max(Dual left, Dual right) => Select(left, right, preferLeft: left.Value > right.Value);

    private static Dual Select(Dual left, Dual right, bool preferLeft)
    {
        if (double.IsNaN(left.Value) || double.IsNaN(right.Value))
        {
            return new Dual(double.NaN, double.NaN);
        }

        if (left.Value == right.Value)
        {
            return new Dual(left.Value, (left.Derivative + right.Derivative) / 2);
        }

        return preferLeft ? left : right;
    }

    // The chain-rule product u' f'(u) with 0 * f'(u) = 0, so that a constant subexpression never turns a
    // derivative into NaN where f' is infinite (sqrt at 0) or undefined.
    private static double Scale(double derivative, double factor) => derivative == 0 ? 0 : derivative * factor;

    private static double SignOf(double value) => double.IsNaN(value) ? double.NaN : Math.Sign(value);

    private static double Gaussian(double value) => TwoOverSqrtPi * Math.Exp(-(value * value));
}
