namespace SigmoidService.Domain.Expressions;

/// <summary>The functions a formula may call. Each takes one argument except <see cref="Min"/> and <see cref="Max"/>.</summary>
public enum ExpressionFunction
{
    /// <summary>e^u.</summary>
    Exp,

    /// <summary>The natural logarithm.</summary>
    Log,

    /// <summary>ln(1 + u), accurate for small u.</summary>
    Log1p,

    /// <summary>e^u - 1, accurate for small u.</summary>
    Expm1,

    /// <summary>The square root.</summary>
    Sqrt,

    /// <summary>The absolute value; its derivative at 0 is 0, as in PyTorch.</summary>
    Abs,

    /// <summary>The sign: -1, 0 or 1. It appears in the derivatives of abs, min and max.</summary>
    Sign,

    /// <summary>The hyperbolic tangent.</summary>
    Tanh,

    /// <summary>The hyperbolic sine.</summary>
    Sinh,

    /// <summary>The hyperbolic cosine.</summary>
    Cosh,

    /// <summary>The sine, in radians.</summary>
    Sin,

    /// <summary>The cosine, in radians.</summary>
    Cos,

    /// <summary>The error function.</summary>
    Erf,

    /// <summary>The complementary error function 1 - erf(u), accurate in the tail.</summary>
    Erfc,

    /// <summary>The logistic sigmoid 1 / (1 + e^-u).</summary>
    Sigmoid,

    /// <summary>ln(1 + e^u), computed without overflow and without a switch to u for large u.</summary>
    Softplus,

    /// <summary>The smaller of two arguments; at a tie the derivative is the mean of both derivatives.</summary>
    Min,

    /// <summary>The larger of two arguments; at a tie the derivative is the mean of both derivatives.</summary>
    Max,
}
