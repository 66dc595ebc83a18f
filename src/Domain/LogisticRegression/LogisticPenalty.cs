namespace SigmoidService.Domain.LogisticRegression;

/// <summary>The penalty term of the logistic-regression objective.</summary>
public enum LogisticPenalty
{
    /// <summary>
    /// scikit-learn's L2 objective: C * sum_i s_i * logloss_i + 0.5 * ||w||^2, with the intercept not penalised.
    /// </summary>
    L2,

    /// <summary>The plain weighted log-likelihood (maximum likelihood, as statsmodels' Logit).</summary>
    None,
}
