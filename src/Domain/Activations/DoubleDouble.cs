namespace SigmoidService.Domain.Activations;

/// <summary>
/// An unevaluated sum <c>Hi + Lo</c> of two doubles with <c>|Lo| &lt;= ulp(Hi) / 2</c>, carrying about 106
/// significant bits. The activations compute in this format and round once at the end, which is what
/// makes their results correctly rounded in all but rare cases.
/// </summary>
/// <remarks>
/// The operations are the classical error-free transformations (Knuth's TwoSum, Dekker's FastTwoSum, and
/// the product error taken exactly with a fused multiply-add). They assume no overflow or underflow in the
/// intermediate products, which callers ensure by scaling their arguments into the normal range.
/// </remarks>
internal readonly record struct DoubleDouble(double Hi, double Lo)
{
    public static readonly DoubleDouble One = new(1.0, 0.0);

    /// <summary>ln 2 to 106 bits.</summary>
    public static readonly DoubleDouble Ln2 = new(0.6931471805599453, 2.3190468138462996e-17);

    public static implicit operator DoubleDouble(double value) => new(value, 0.0);

    /// <summary>The double nearest the sum.</summary>
    public double Value => Hi + Lo;

    public static DoubleDouble TwoSum(double a, double b)
    {
        var sum = a + b;
        var bVirtual = sum - a;
        var aVirtual = sum - bVirtual;
        var error = (a - aVirtual) + (b - bVirtual);
        return new DoubleDouble(sum, error);
    }

    /// <summary>The exact sum of <paramref name="a"/> and <paramref name="b"/>, valid when |a| &gt;= |b| or a is 0.</summary>
    public static DoubleDouble FastTwoSum(double a, double b)
    {
        var sum = a + b;
        return new DoubleDouble(sum, b - (sum - a));
    }

    public static DoubleDouble TwoProduct(double a, double b)
    {
        var product = a * b;
        return new DoubleDouble(product, Math.FusedMultiplyAdd(a, b, -product));
    }

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        var high = TwoSum(a.Hi, b.Hi);
        var low = TwoSum(a.Lo, b.Lo);
        var sum = FastTwoSum(high.Hi, high.Lo + low.Hi);
        return FastTwoSum(sum.Hi, sum.Lo + low.Lo);
    }

    public static DoubleDouble operator +(DoubleDouble a, double b)
    {
        var high = TwoSum(a.Hi, b);
        return FastTwoSum(high.Hi, high.Lo + a.Lo);
    }

    public static DoubleDouble operator +(double a, DoubleDouble b) => b + a;

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + -b;

    public static DoubleDouble operator -(DoubleDouble a, double b) => a + -b;

    public static DoubleDouble operator -(double a, DoubleDouble b) => -b + a;

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        var product = TwoProduct(a.Hi, b.Hi);
        var low = product.Lo + ((a.Hi * b.Lo) + (a.Lo * b.Hi));
        return FastTwoSum(product.Hi, low);
    }

    public static DoubleDouble operator *(DoubleDouble a, double b)
    {
        var product = TwoProduct(a.Hi, b);
        return FastTwoSum(product.Hi, Math.FusedMultiplyAdd(a.Lo, b, product.Lo));
    }

    public static DoubleDouble operator *(double a, DoubleDouble b) => b * a;

    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        // Long division: each quotient digit is taken from the remainder of the previous one.
        var first = a.Hi / b.Hi;
        var remainder = a - (b * first);
        var second = remainder.Hi / b.Hi;
        remainder -= b * second;
        var third = remainder.Hi / b.Hi;
        var quotient = FastTwoSum(first, second);
        return quotient + third;
    }

    public static DoubleDouble operator /(DoubleDouble a, double b)
    {
        // Two quotient digits; the remainder of the first is exact through the product's error term.
        var first = a.Hi / b;
        var product = TwoProduct(first, b);
        var remainder = (a.Hi - product.Hi - product.Lo) + a.Lo;
        return FastTwoSum(first, remainder / b);
    }

    public static DoubleDouble operator /(double a, DoubleDouble b) => new DoubleDouble(a, 0.0) / b;

    /// <summary>The value times 2^<paramref name="exponent"/>, exact while the result stays normal.</summary>
    public DoubleDouble ScaleB(int exponent) => new(Math.ScaleB(Hi, exponent), Math.ScaleB(Lo, exponent));

    public DoubleDouble Square() => this * this;

    public DoubleDouble Abs() => Hi < 0 ? -this : this;
}
