namespace SigmoidService.Domain.LogisticRegression;

/// <summary>
/// Computes statsmodels-equal inference statistics at the end of an unpenalised Newton fit. The observed
/// information is built on the standardised design, equilibrated, and factored by a rank-revealing
/// Cholesky. Each original parameter is a linear function of the solver parameters, so its variance is a
/// quadratic form of the inverse information. It is undetermined (NaN) when that function has a component
/// in the null space.
/// </summary>
internal static class StatisticsCalculator
{
    /// <summary>Eigenvalue-like pivots below this share of the largest count as zero information.</summary>
    private const double RankTolerance = 1e-11;

    /// <summary>Largest relative null-space component of a parameter that still counts as determined.</summary>
    private const double RangeTolerance = 1e-6;

    public static (FitStatistics Statistics, bool Singular) Compute(
        LogisticObjective objective, SolverResult result, IReadOnlyList<double> parameters, SeparationKind separation)
    {
        var design = objective.Design;
        var n = objective.Rows;
        var q = objective.ParameterCount;
        var eta = result.Eta;

        var logLikelihood = 0.0;
        var totalWeight = 0.0;
        var positiveWeight = 0.0;
        for (var i = 0; i < n; i++)
        {
            var weight = objective.Weights[i];
            totalWeight += weight;
            positiveWeight += weight * objective.Targets[i];
            if (weight != 0)
            {
                logLikelihood -= weight * LogisticObjective.LogLoss(eta[i], objective.Targets[i]);
            }
        }

        if (separation == SeparationKind.Perfect)
        {
            // The supremum of the likelihood is 1: every observation predicted with certainty.
            logLikelihood = 0.0;
        }

        var share = positiveWeight / totalWeight;
        var nullLogLikelihood = totalWeight * ((share * Math.Log(share)) + ((1 - share) * Math.Log(1 - share)));

        var standardErrors = new double[q];
        var rank = q;
        var singular = false;
        if (separation == SeparationKind.Perfect)
        {
            standardErrors.AsSpan().Fill(double.NaN);
        }
        else
        {
            var curvature = new double[n];
            var residuals = new double[n];
            objective.Residuals(eta, residuals, curvature);
            if (separation == SeparationKind.QuasiComplete)
            {
                // The observations that are predicted with certainty carry no information in the limit.
                for (var i = 0; i < n; i++)
                {
                    if (NewtonSolver.Margin(eta[i], objective.Targets[i]) > NewtonSolver.SaturatedMargin)
                    {
                        curvature[i] = 0;
                    }
                }
            }

            var information = new double[q * q];
            design.WeightedGram(curvature, information);
            var scale = new double[q];
            for (var j = 0; j < q; j++)
            {
                var diagonal = information[(j * q) + j];
                scale[j] = diagonal > 0 ? 1.0 / Math.Sqrt(diagonal) : 1.0;
            }

            for (var j = 0; j < q; j++)
            {
                for (var k = 0; k < q; k++)
                {
                    information[(j * q) + k] *= scale[j] * scale[k];
                }
            }

            var factor = SymmetricSystems.FactorPivoted(information, q, RankTolerance);
            singular = factor.Rank < q;
            if (separation == SeparationKind.None)
            {
                rank = factor.Rank;
            }

            var map = design.OriginalParameterMap();
            var row = new double[q];
            for (var k = 0; k < q; k++)
            {
                for (var j = 0; j < q; j++)
                {
                    row[j] = map[k][j] * scale[j];
                }

                standardErrors[k] = factor.InRange(row, RangeTolerance)
                    ? Math.Sqrt(factor.QuadraticFormOfInverse(row))
                    : double.NaN;
            }
        }

        var critical = NormalDistribution.Quantile(0.975);
        var zValues = new double[q];
        var pValues = new double[q];
        var intervals = new ConfidenceInterval[q];
        for (var k = 0; k < q; k++)
        {
            var se = standardErrors[k];
            zValues[k] = parameters[k] / se;
            pValues[k] = NormalDistribution.TwoSidedPValue(zValues[k]);
            intervals[k] = new ConfidenceInterval(parameters[k] - (critical * se), parameters[k] + (critical * se));
        }

        var statistics = new FitStatistics(
            standardErrors,
            zValues,
            pValues,
            intervals,
            logLikelihood,
            nullLogLikelihood,
            1.0 - (logLikelihood / nullLogLikelihood),
            (-2.0 * logLikelihood) + (2.0 * rank),
            (-2.0 * logLikelihood) + (rank * Math.Log(totalWeight)));
        return (statistics, singular);
    }
}
