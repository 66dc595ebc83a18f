namespace SigmoidService.Domain.LogisticRegression;

/// <summary>The outcome of a logistic-regression fit: the model and how the fit went.</summary>
/// <param name="Model">The fitted coefficients and intercept.</param>
/// <param name="Converged">Whether the solver met its tolerance (false under separation).</param>
/// <param name="Iterations">Solver iterations used.</param>
/// <param name="Solver">"newton" or "lbfgs".</param>
/// <param name="Warnings">Plain-language warnings: separation, a singular information matrix, an iteration cap.</param>
/// <param name="Separation">Whether the classes were found to be separated (checked for unpenalised Newton fits).</param>
/// <param name="Objective">scikit-learn's objective at the result: C * sum s_i logloss_i + 0.5 ||w||^2 for L2, the negative weighted log-likelihood otherwise.</param>
/// <param name="GradientNorm">Largest absolute component of that objective's gradient in the original units; about 0 at the optimum.</param>
/// <param name="TrainingMetrics">Accuracy, log loss and ROC AUC on the training data.</param>
/// <param name="Statistics">Inference statistics, only for penalty none and at most <see cref="LogisticRegressionTrainer.MaxNewtonParameters"/> parameters.</param>
public sealed record LogisticRegressionFit(
    LogisticRegressionModel Model,
    bool Converged,
    int Iterations,
    string Solver,
    IReadOnlyList<string> Warnings,
    SeparationKind Separation,
    double Objective,
    double GradientNorm,
    TrainingMetrics TrainingMetrics,
    FitStatistics? Statistics);
