using System.Globalization;
using SigmoidService.Domain.Common;

namespace SigmoidService.Domain.LogisticRegression;

/// <summary>
/// Fits binary logistic regression to the exact optimum of scikit-learn's objective (L2) or of the
/// weighted likelihood (no penalty). Up to <see cref="MaxNewtonParameters"/> parameters the solver is
/// Newton's method on standardised features with an equilibrated Hessian, which reaches the optimum to
/// about machine precision also when features differ in scale by twelve orders of magnitude; above it,
/// L-BFGS. Unpenalised Newton fits also get statsmodels' inference statistics and a separation check.
/// </summary>
public static class LogisticRegressionTrainer
{
    /// <summary>Largest parameter count (features plus intercept) fitted by Newton's method.</summary>
    public const int MaxNewtonParameters = 1024;

    /// <summary>
    /// Fits the model. <paramref name="labels"/> are 0 (negative) or 1 (positive), one per row;
    /// <paramref name="sampleWeights"/> are optional non-negative finite weights, one per row.
    /// </summary>
    /// <exception cref="InvalidInputException">When an input is invalid; the field names the offending value.</exception>
    /// <exception cref="UnprocessableInputException">When the labels, after weighting, hold only one class.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled; checked once per iteration.</exception>
    public static LogisticRegressionFit Fit(
        FeatureMatrix features,
        IReadOnlyList<int> labels,
        IReadOnlyList<double>? sampleWeights,
        LogisticRegressionOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var n = features.Rows;
        ValidateFeatures(features);
        var targets = ValidateLabels(labels, n);
        var sample = ValidateSampleWeights(sampleWeights, n);

        var positiveCount = targets.Count(target => target == 1.0);
        var negativeCount = n - positiveCount;
        if (positiveCount == 0 || negativeCount == 0)
        {
            throw new UnprocessableInputException("labels", "The labels hold only one class; a fit needs both.");
        }

        var (negativeWeight, positiveWeight) = options.ClassWeight?.Resolve(negativeCount, positiveCount) ?? (1.0, 1.0);
        var weights = new double[n];
        double positiveTotal = 0, negativeTotal = 0;
        for (var i = 0; i < n; i++)
        {
            weights[i] = sample[i] * (targets[i] == 1.0 ? positiveWeight : negativeWeight);
            if (targets[i] == 1.0)
            {
                positiveTotal += weights[i];
            }
            else
            {
                negativeTotal += weights[i];
            }
        }

        if (!(positiveTotal > 0) || !(negativeTotal > 0))
        {
            throw new UnprocessableInputException("sampleWeights", "After weighting, one class has zero total weight; a fit needs weight on both classes.");
        }

        var design = new ScaledDesign(features, options.FitIntercept);
        var q = design.ParameterCount;
        var penalties = new double[q];
        if (options.Penalty == LogisticPenalty.L2)
        {
            for (var j = 0; j < design.FeatureCount; j++)
            {
                penalties[j] = 1.0 / (options.C * design.Scales[j] * design.Scales[j]);
            }
        }

        var objective = new LogisticObjective(design, targets, weights, penalties);
        var theta = new double[q];
        if (options.FitIntercept)
        {
            var share = positiveTotal / (positiveTotal + negativeTotal);
            theta[design.FeatureCount] = Math.Log(share / (1 - share));
        }

        var useNewton = q <= MaxNewtonParameters;
        var unpenalised = options.Penalty == LogisticPenalty.None;
        var result = useNewton
            ? NewtonSolver.Minimize(objective, theta, unpenalised, options.MaxIterations, options.Tolerance, cancellationToken)
            : LbfgsSolver.Minimize(objective, theta, options.MaxIterations, options.Tolerance, cancellationToken);

        var separation = result.Stop switch
        {
            SolverStop.PerfectSeparation => SeparationKind.Perfect,
            SolverStop.QuasiCompleteSeparation => SeparationKind.QuasiComplete,
            SolverStop.MaxIterations when unpenalised && useNewton && NewtonSolver.CountSaturated(objective, result.Eta) > 0 => SeparationKind.QuasiComplete,
            _ => SeparationKind.None,
        };

        var (coefficients, intercept) = design.ToOriginal(result.Theta);
        var warnings = new List<string>();
        AddStopWarnings(warnings, result, separation, options);

        FitStatistics? statistics = null;
        if (unpenalised && useNewton)
        {
            var parameters = options.FitIntercept ? [intercept, .. coefficients] : coefficients;
            (statistics, var singular) = StatisticsCalculator.Compute(objective, result, parameters, separation);
            if (singular && separation == SeparationKind.None)
            {
                warnings.Add("The information matrix is singular: some features are linear combinations of others (or of the intercept), so their coefficients are not determined and their statistics are NaN.");
            }
        }
        else if (unpenalised)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"Statistics are computed only for models with at most {MaxNewtonParameters} parameters; this one has {q}."));
        }

        var scale = unpenalised ? 1.0 : options.C;
        var gradientNorm = OriginalGradientNorm(objective, result, scale);
        // eta = Z theta is the decision function w . x + b, computed on the standardised columns.
        var metrics = new TrainingMetrics(
            ClassificationMetrics.Accuracy(result.Eta, targets, sampleWeights is null ? [] : sample),
            ClassificationMetrics.LogLoss(result.Eta, targets, sampleWeights is null ? [] : sample),
            ClassificationMetrics.RocAuc(result.Eta, targets, sampleWeights is null ? [] : sample));

        return new LogisticRegressionFit(
            new LogisticRegressionModel(coefficients, intercept),
            result.Stop == SolverStop.Converged,
            result.Iterations,
            useNewton ? "newton" : "lbfgs",
            warnings,
            separation,
            result.Objective * scale,
            gradientNorm,
            metrics,
            statistics);
    }

    private static void AddStopWarnings(List<string> warnings, SolverResult result, SeparationKind separation, LogisticRegressionOptions options)
    {
        switch (separation)
        {
            case SeparationKind.Perfect:
                warnings.Add("Perfect separation: a hyperplane splits the two classes exactly, so the maximum-likelihood estimate does not exist (the coefficients grow without bound). The coefficients shown only give the direction; standard errors, z values, p-values and confidence intervals are NaN. Use penalty \"l2\" for finite coefficients.");
                return;
            case SeparationKind.QuasiComplete:
                warnings.Add("Quasi-complete separation: some observations are predicted with certainty in the limit, so the maximum-likelihood estimate does not exist and some coefficients grow without bound. Their statistics are NaN. Use penalty \"l2\" for finite coefficients.");
                return;
            case SeparationKind.None:
                break;
        }

        if (result.Stop == SolverStop.MaxIterations)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"The solver stopped at maxIterations ({options.MaxIterations}) before converging; raise maxIterations or the tolerance."));
        }
        else if (result.Stop == SolverStop.NoProgress)
        {
            warnings.Add("The line search could not lower the objective any further before the tolerance was met; the result is the best point found, limited by rounding.");
        }
    }

    private static void ValidateFeatures(FeatureMatrix features)
    {
        var values = features.Values;
        for (var k = 0; k < values.Length; k++)
        {
            if (!double.IsFinite(values[k]))
            {
                var row = k / features.Columns;
                var column = k % features.Columns;
                throw new InvalidInputException(
                    string.Create(CultureInfo.InvariantCulture, $"features[{row}][{column}]"),
                    "A feature must be a finite number.");
            }
        }
    }

    private static double[] ValidateLabels(IReadOnlyList<int> labels, int rows)
    {
        if (labels.Count != rows)
        {
            throw new InvalidInputException("labels", string.Create(CultureInfo.InvariantCulture, $"There are {labels.Count} labels for {rows} rows; give one label per row."));
        }

        var targets = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var label = labels[i];
            if (label is not (0 or 1))
            {
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"labels[{i}]"), "A label must be 0 or 1.");
            }

            targets[i] = label;
        }

        return targets;
    }

    private static double[] ValidateSampleWeights(IReadOnlyList<double>? sampleWeights, int rows)
    {
        var weights = new double[rows];
        if (sampleWeights is null)
        {
            weights.AsSpan().Fill(1.0);
            return weights;
        }

        if (sampleWeights.Count != rows)
        {
            throw new InvalidInputException("sampleWeights", string.Create(CultureInfo.InvariantCulture, $"There are {sampleWeights.Count} sample weights for {rows} rows; give one per row."));
        }

        var total = 0.0;
        for (var i = 0; i < rows; i++)
        {
            var weight = sampleWeights[i];
            if (!(weight >= 0) || !double.IsFinite(weight))
            {
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"sampleWeights[{i}]"), "A sample weight must be a non-negative finite number.");
            }

            weights[i] = weight;
            total += weight;
        }

        if (total == 0)
        {
            throw new InvalidInputException("sampleWeights", "The sample weights are all zero; at least one must be positive.");
        }

        return weights;
    }

    private static double OriginalGradientNorm(LogisticObjective objective, SolverResult result, double scale)
    {
        var design = objective.Design;
        var q = objective.ParameterCount;
        var residuals = new double[objective.Rows];
        var gradient = new double[q];
        objective.Residuals(result.Eta, residuals, []);
        objective.Gradient(result.Theta, residuals, gradient);

        // Chain rule through w'_j = s_j w_j and b' = b + sum_j m_j w_j.
        var interceptGradient = design.HasIntercept ? gradient[design.FeatureCount] : 0.0;
        var largest = Math.Abs(interceptGradient);
        for (var j = 0; j < design.FeatureCount; j++)
        {
            var component = (design.Scales[j] * gradient[j]) + (design.Means[j] * interceptGradient);
            largest = Math.Max(largest, Math.Abs(component));
        }

        return largest * scale;
    }
}
