namespace SigmoidService.Domain.Expressions;

// NOTE: a stand-in for the activation catalogue's exact functions until those exist; erf here is a
// Taylor series below 2.5 and a continued fraction above, good to about 1e-15 relative, not 1 ulp.
internal static class ExactMath
{
    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    public static double Softplus(double x) => Math.Max(x, 0) + Log1p(Math.Exp(-Math.Abs(x)));

    public static double Log1p(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    public static double Expm1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1)
        {
            return x;
        }

        var um1 = u - 1;
        return um1 == -1 ? -1 : um1 * x / Math.Log(u);
    }

    public static double Erf(double x)
    {
        if (Math.Abs(x) < 2.5)
        {
            double sum = 0, term = x, n = 0;
            while (Math.Abs(term) > 1e-18 * Math.Abs(sum) || n < 3)
            {
                sum += term / ((2 * n) + 1);
                n++;
                term *= -x * x / n;
            }

            return 1.1283791670955126 * sum;
        }

        return x > 0 ? 1 - Erfc(x) : Erfc(-x) - 1;
    }

    public static double Erfc(double x)
    {
        if (x < 2.5)
        {
            return 1 - Erf(x);
        }

        double f = 0;
        for (var k = 60; k >= 1; k--)
        {
            f = k / 2.0 / (x + f);
        }

        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / (x + f);
    }
}
