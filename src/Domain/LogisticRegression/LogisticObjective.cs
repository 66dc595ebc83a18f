using System.Runtime.Intrinsics;

namespace SigmoidService.Domain.LogisticRegression;

/// <summary>
/// The objective the solvers minimise, on the standardised design: f(theta) = sum_i v_i logloss_i +
/// 0.5 * sum_j lambda_j theta_j^2, where v_i are the sample weights times the class weights and
/// lambda_j = 1 / (C s_j^2) for L2 (0 for the intercept and for no penalty). For L2 this is scikit-learn's
/// objective divided by C, so both have the same minimiser.
/// </summary>
internal sealed class LogisticObjective
{
    public LogisticObjective(ScaledDesign design, double[] targets, double[] weights, double[] penalties)
    {
        Design = design;
        Targets = targets;
        Weights = weights;
        Penalties = penalties;
        _signs = new double[targets.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            _signs[i] = targets[i] == 1.0 ? 1.0 : -1.0;
        }
    }

    // 2 y - 1: the margin of an observation is its sign times eta.
    private readonly double[] _signs;

    public ScaledDesign Design { get; }

    /// <summary>The labels as 0 or 1.</summary>
    public double[] Targets { get; }

    /// <summary>The effective observation weights (sample weights times class weights).</summary>
    public double[] Weights { get; }

    /// <summary>The L2 penalty of each solver parameter in standardised units.</summary>
    public double[] Penalties { get; }

    public int Rows => Design.Rows;

    public int ParameterCount => Design.ParameterCount;

    /// <summary>Returns f at theta, given eta = Z theta.</summary>
    public double Value(ReadOnlySpan<double> theta, ReadOnlySpan<double> eta) => LossSum(eta) + PenaltyValue(theta);

    private double LossSum(ReadOnlySpan<double> eta)
    {
        var weights = Weights.AsSpan();
        var signs = _signs.AsSpan();
        var i = 0;
        var sum = 0.0;
        if (Vector256.IsHardwareAccelerated)
        {
            var one = Vector256<double>.One;
            var total = Vector256<double>.Zero;
            for (; i <= eta.Length - 4; i += 4)
            {
                // softplus(-m) = max(-m, 0) + log1p(exp(-|m|)).
                var margin = Vector256.Create<double>(eta.Slice(i, 4)) * Vector256.Create<double>(signs.Slice(i, 4));
                var e = Vector256.Exp(-Vector256.Abs(margin));
                var loss = Vector256.Max(-margin, Vector256<double>.Zero) + LogOnePlusSmall(e);
                total += Vector256.Create<double>(weights.Slice(i, 4)) * loss;
            }

            sum = Vector256.Sum(total);
        }

        for (; i < eta.Length; i++)
        {
            if (weights[i] != 0)
            {
                sum += weights[i] * Softplus(-signs[i] * eta[i]);
            }
        }

        return sum;
    }

    public double PenaltyValue(ReadOnlySpan<double> theta)
    {
        var sum = 0.0;
        for (var j = 0; j < theta.Length; j++)
        {
            sum += 0.5 * Penalties[j] * theta[j] * theta[j];
        }

        return sum;
    }

    /// <summary>
    /// Computes the gradient residuals r_i = v_i (p_i - y_i) and, when <paramref name="curvature"/> is not
    /// empty, the Hessian weights d_i = v_i p_i (1 - p_i), both from eta.
    /// </summary>
    public void Residuals(ReadOnlySpan<double> eta, Span<double> residuals, Span<double> curvature)
    {
        var weights = Weights.AsSpan();
        var targets = Targets.AsSpan();
        var withCurvature = !curvature.IsEmpty;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var one = Vector256<double>.One;
            for (; i <= eta.Length - 4; i += 4)
            {
                // p and 1 - p both from exp(-|eta|), so that neither loses precision to cancellation.
                var value = Vector256.Create<double>(eta.Slice(i, 4));
                var weight = Vector256.Create<double>(weights.Slice(i, 4));
                var e = Vector256.Exp(-Vector256.Abs(value));
                var inverse = one / (one + e);
                var probability = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(value, Vector256<double>.Zero), inverse, e * inverse);
                (weight * (probability - Vector256.Create<double>(targets.Slice(i, 4)))).CopyTo(residuals.Slice(i, 4));
                if (withCurvature)
                {
                    (weight * e * inverse * inverse).CopyTo(curvature.Slice(i, 4));
                }
            }
        }

        for (; i < eta.Length; i++)
        {
            var weight = weights[i];
            var value = eta[i];
            var e = Math.Exp(-Math.Abs(value));
            var denominator = 1.0 + e;
            var probability = value >= 0 ? 1.0 / denominator : e / denominator;
            residuals[i] = weight * (probability - targets[i]);
            if (withCurvature)
            {
                curvature[i] = weight * e / (denominator * denominator);
            }
        }
    }

    /// <summary>Computes g = Z^T r + lambda theta.</summary>
    public void Gradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> residuals, Span<double> gradient)
    {
        Design.MultiplyTransposed(residuals, gradient);
        for (var j = 0; j < gradient.Length; j++)
        {
            gradient[j] += Penalties[j] * theta[j];
        }
    }

    /// <summary>
    /// Computes g = Z^T r + lambda theta and H = Z^T diag(d) Z + diag(lambda) (row-major) in one pass over the
    /// data; H from every stride-th row when stride exceeds 1.
    /// </summary>
    public void GradientAndHessian(ReadOnlySpan<double> theta, ReadOnlySpan<double> residuals, Span<double> gradient, ReadOnlySpan<double> curvature, double[] hessian, int stride)
    {
        Design.WeightedGram(curvature, hessian, stride, residuals, gradient);
        for (var j = 0; j < gradient.Length; j++)
        {
            gradient[j] += Penalties[j] * theta[j];
        }

        AddPenalty(hessian);
    }

    /// <summary>Computes H = Z^T diag(d) Z + diag(lambda), row-major, from every stride-th row when stride exceeds 1.</summary>
    public void Hessian(ReadOnlySpan<double> curvature, double[] hessian, int stride = 1)
    {
        Design.WeightedGram(curvature, hessian, stride);
        AddPenalty(hessian);
    }

    private void AddPenalty(double[] hessian)
    {
        var q = ParameterCount;
        for (var j = 0; j < q; j++)
        {
            hessian[(j * q) + j] += Penalties[j];
        }
    }

    /// <summary>
    /// The log loss of one observation, log(1 + exp(eta)) - y eta, computed without overflow or
    /// cancellation.
    /// </summary>
    public static double LogLoss(double eta, double target)
    {
        // softplus(-m) with the margin m = eta for y = 1 and -eta for y = 0.
        var margin = target == 1.0 ? eta : -eta;
        return Softplus(-margin);
    }

    /// <summary>softplus(t) = log(1 + exp(t)) = max(t, 0) + log1p(exp(-|t|)).</summary>
    public static double Softplus(double t) => Math.Max(t, 0.0) + LogOnePlus(Math.Exp(-Math.Abs(t)));

    /// <summary>
    /// log(1 + e) for e in [0, 1] as 2 atanh(s) with s = e / (2 + e) in [0, 1/3], summed as the odd series
    /// 2 (s + s^3/3 + s^5/5 + ...) to 18 terms, whose remainder is below 1e-17 relative. Vector code has no
    /// fast logarithm, and this keeps full relative accuracy for tiny e.
    /// </summary>
    private static Vector256<double> LogOnePlusSmall(Vector256<double> e)
    {
        var s = e / (Vector256.Create(2.0) + e);
        var square = s * s;
        var sum = Vector256.Create(1.0 / 35);
        for (var k = 16; k >= 0; k--)
        {
            sum = Vector256.FusedMultiplyAdd(sum, square, Vector256.Create(1.0 / ((2 * k) + 1)));
        }

        return Vector256.Create(2.0) * s * sum;
    }

    /// <summary>log(1 + x) accurate also for tiny x (Goldberg's correction).</summary>
    public static double LogOnePlus(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }
}
