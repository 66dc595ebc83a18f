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
    }

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
    public double Value(ReadOnlySpan<double> theta, ReadOnlySpan<double> eta)
    {
        var sum = 0.0;
        var weights = Weights;
        var targets = Targets;
        for (var i = 0; i < eta.Length; i++)
        {
            var weight = weights[i];
            if (weight != 0)
            {
                sum += weight * LogLoss(eta[i], targets[i]);
            }
        }

        return sum + PenaltyValue(theta);
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
        var weights = Weights;
        var targets = Targets;
        var withCurvature = !curvature.IsEmpty;
        for (var i = 0; i < eta.Length; i++)
        {
            var weight = weights[i];
            var value = eta[i];
            // p and 1 - p both from exp(-|eta|), so that neither loses precision to cancellation.
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

    /// <summary>Computes H = Z^T diag(d) Z + diag(lambda), row-major.</summary>
    public void Hessian(ReadOnlySpan<double> curvature, double[] hessian)
    {
        Design.WeightedGram(curvature, hessian);
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

    /// <summary>log(1 + x) accurate also for tiny x (Goldberg's correction).</summary>
    public static double LogOnePlus(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }
}
