namespace SigmoidService.Domain.Activations;

/// <summary>The logistic function, its derivative and softplus on double-double arguments, unrounded.</summary>
internal static class LogisticMath
{
    /// <summary>
    /// Converts to a double-double; below 2^-900 only the rounded double is kept, which is exact enough
    /// wherever such a term is added to something of order 1.
    /// </summary>
    public static DoubleDouble ToDoubleDouble(ScaledDoubleDouble value) =>
        value.Exponent >= ScaledDoubleDouble.MinNormalExponent
            ? value.ToDoubleDouble()
            : new DoubleDouble(value.ToDouble(), 0.0);

    /// <summary>sigma(z) = 1 / (1 + exp(-z)) for finite z.</summary>
    public static ScaledDoubleDouble Logistic(DoubleDouble z)
    {
        if (z.Hi >= 0)
        {
            var e = ToDoubleDouble(DoubleDoubleMath.Exp(-z));
            return new ScaledDoubleDouble(DoubleDouble.One / (e + 1.0), 0);
        }

        var exp = DoubleDoubleMath.Exp(z);
        if (exp.Exponent < ScaledDoubleDouble.MinNormalExponent)
        {
            // sigma(z) = e (1 - e + ...) and e < 2^-900: the correction is far below the last digit.
            return exp;
        }

        var ez = exp.ToDoubleDouble();
        return new ScaledDoubleDouble(ez / (ez + 1.0), 0);
    }

    /// <summary>sigma'(z) = sigma(z) sigma(-z) = e / (1 + e)^2 with e = exp(-|z|), for finite z.</summary>
    public static ScaledDoubleDouble LogisticDerivative(DoubleDouble z)
    {
        var exp = DoubleDoubleMath.Exp(-z.Abs());
        if (exp.Exponent < ScaledDoubleDouble.MinNormalExponent)
        {
            return exp;
        }

        var e = exp.ToDoubleDouble();
        var onePlus = e + 1.0;
        return new ScaledDoubleDouble(e / onePlus.Square(), 0);
    }

    /// <summary>softplus(z) = log(1 + exp(z)) for finite z, without the usual switch to z for large z.</summary>
    public static ScaledDoubleDouble Softplus(DoubleDouble z)
    {
        if (z.Hi >= 0)
        {
            // log(1 + e^z) = z + log(1 + e^-z) keeps e^-z <= 1.
            var e = ToDoubleDouble(DoubleDoubleMath.Exp(-z));
            return new ScaledDoubleDouble(z + DoubleDoubleMath.Log1p(e), 0);
        }

        var exp = DoubleDoubleMath.Exp(z);
        if (exp.Exponent < ScaledDoubleDouble.MinNormalExponent)
        {
            // log(1 + e) = e (1 - e/2 + ...) with e < 2^-900.
            return exp;
        }

        return new ScaledDoubleDouble(DoubleDoubleMath.Log1p(exp.ToDoubleDouble()), 0);
    }
}
