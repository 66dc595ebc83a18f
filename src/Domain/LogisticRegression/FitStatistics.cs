namespace SigmoidService.Domain.LogisticRegression;

/// <summary>
/// Inference statistics of an unpenalised fit, equal to statsmodels' <c>Logit</c> results (and, with
/// weights, to its <c>GLM</c> with <c>freq_weights</c>). The per-parameter arrays list the intercept
/// first, when there is one, then the coefficients in feature order. Standard errors come from the
/// inverse observed information at the optimum. z values are coefficient / standard error, p-values are
/// two-sided from the standard normal, and confidence intervals are 95 % Wald intervals. A parameter that the
/// data do not determine (separation or a singular information matrix) has NaN in every per-parameter
/// array, never a finite number that means nothing.
/// </summary>
/// <param name="StandardErrors">Square roots of the diagonal of the inverse observed information.</param>
/// <param name="ZValues">Coefficient divided by its standard error.</param>
/// <param name="PValues">Two-sided p-values of the z values under the standard normal.</param>
/// <param name="ConfidenceIntervals">95 % Wald intervals, coefficient +- 1.959964 standard errors.</param>
/// <param name="LogLikelihood">The weighted log-likelihood at the optimum (its supremum under separation).</param>
/// <param name="NullLogLikelihood">The log-likelihood of the intercept-only model, as statsmodels' <c>llnull</c>.</param>
/// <param name="PseudoRSquared">McFadden's 1 - LogLikelihood / NullLogLikelihood.</param>
/// <param name="Aic">-2 LogLikelihood + 2 k, with k the count of estimated parameters.</param>
/// <param name="Bic">-2 LogLikelihood + k ln(n), with n the sum of the weights (the row count without weights).</param>
public sealed record FitStatistics(
    IReadOnlyList<double> StandardErrors,
    IReadOnlyList<double> ZValues,
    IReadOnlyList<double> PValues,
    IReadOnlyList<ConfidenceInterval> ConfidenceIntervals,
    double LogLikelihood,
    double NullLogLikelihood,
    double PseudoRSquared,
    double Aic,
    double Bic);
