namespace SigmoidService.Api.LogisticRegression;

/// <summary>
/// A fitted model as fit returns it and GET models/{modelId} returns it again. Solver is "newton" or
/// "lbfgs"; Objective is scikit-learn's objective at the result (the negative log-likelihood for penalty
/// none) and GradientNorm the largest absolute component of its gradient in the original units.
/// </summary>
public sealed record LogisticRegressionFitResponse(
    string ModelId,
    LabelValue[] Classes,
    double[] Coefficients,
    double Intercept,
    bool Converged,
    int Iterations,
    string[] Warnings,
    TrainingMetricsResponse TrainingMetrics,
    FitStatisticsResponse? Statistics,
    string Solver,
    double Objective,
    double GradientNorm,
    int FeatureCount,
    int TrainingRows);

public sealed record TrainingMetricsResponse(double Accuracy, double LogLoss, double RocAuc);

/// <summary>statsmodels-equal statistics; arrays list the intercept first. NaN marks a parameter the data do not determine.</summary>
public sealed record FitStatisticsResponse(
    double[] StandardErrors,
    double[] ZValues,
    double[] PValues,
    double[][] ConfidenceIntervals,
    double LogLikelihood,
    double NullLogLikelihood,
    double PseudoRSquared,
    double Aic,
    double Bic);
