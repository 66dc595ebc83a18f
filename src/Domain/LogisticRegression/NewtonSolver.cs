namespace SigmoidService.Domain.LogisticRegression;

/// <summary>
/// Damped Newton's method (iteratively reweighted least squares) on the standardised design. The Newton
/// system is equilibrated to unit diagonal and solved by Cholesky, with Levenberg-Marquardt damping when
/// it is singular. The step is cut back until the Armijo condition holds. It ends at the optimum to the
/// last few digits.
/// </summary>
/// <remarks>
/// The Hessian costs n q^2 / 2 multiply-adds against n q for a gradient, so it is not rebuilt blindly.
/// While the steps are large (relative size above 1e-2) and there are at least 32 rows per parameter, it
/// is estimated from every stride-th row (at least 16 rows per parameter, at most every 8th row). Near the optimum the exact
/// Hessian is built and its factor reused for further steps (the chord method) while each step shrinks
/// to at most a quarter of the previous one. Otherwise it is rebuilt. Reused or estimated Hessians
/// converge linearly, so such a step counts as converged only when it is 1e-6 times below the tolerance
/// or has stopped shrinking at the rounding floor.
/// </remarks>
internal static class NewtonSolver
{
    /// <summary>A margin above which an observation's own-label probability is 1 to within 1e-11.</summary>
    public const double SaturatedMargin = 25.0;

    private const double ArmijoFraction = 1e-4;
    private const int MaxStepHalvings = 60;
    private const double UnitRoundoff = 1.1102230246251565e-16;

    public static SolverResult Minimize(LogisticObjective objective, double[] theta, bool detectSeparation, int maxIterations, double tolerance, CancellationToken cancellationToken)
    {
        var n = objective.Rows;
        var q = objective.ParameterCount;
        var eta = new double[n];
        var trialEta = new double[n];
        var residuals = new double[n];
        var curvature = new double[n];
        var gradient = new double[q];
        var step = new double[q];
        var trial = new double[q];
        var hessian = new double[q * q];

        objective.Design.Multiply(theta, eta);
        var value = objective.Value(theta, eta);
        var iterations = 0;
        var stop = SolverStop.MaxIterations;
        var stride = Math.Clamp(n / (16 * q), 1, 8);
        var previousStep = double.PositiveInfinity;
        var relativeStep = double.PositiveInfinity;
        EquilibratedCholesky? reusable = null;
        var negative = new double[q];
        while (iterations < maxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var estimated = stride > 1 && relativeStep > 1e-2;
            var exact = !estimated && reusable is null;
            objective.Residuals(eta, residuals, exact || estimated ? curvature : []);
            var factor = reusable;
            if (factor is null)
            {
                objective.GradientAndHessian(theta, residuals, gradient, curvature, hessian, estimated ? stride : 1);
                factor = SymmetricSystems.FactorEquilibrated(hessian, q);
                if (factor is null)
                {
                    stop = SolverStop.NoProgress;
                    break;
                }

                reusable = exact ? factor : null;
            }
            else
            {
                objective.Gradient(theta, residuals, gradient);
            }

            for (var j = 0; j < q; j++)
            {
                negative[j] = -gradient[j];
            }

            factor.Solve(negative, step);
            var decrement = 0.0;
            for (var j = 0; j < q; j++)
            {
                decrement -= gradient[j] * step[j];
            }

            if (!(decrement > 0) || !double.IsFinite(decrement))
            {
                if (!exact && MaxAbs(gradient) != 0 && decrement != 0)
                {
                    // An estimated or reused Hessian can mislead near the rounding floor: retry with the exact one.
                    reusable = null;
                    relativeStep = 0;
                    continue;
                }

                // A zero gradient (or one that rounding makes point uphill) leaves nothing to improve.
                stop = decrement == 0 || MaxAbs(gradient) == 0 ? SolverStop.Converged : SolverStop.NoProgress;
                break;
            }

            // Below this the change of f is lost in the rounding of f itself, so the Armijo test cannot
            // decide. The quadratic model is exact to that order, so the full step is taken.
            var belowRounding = decrement < 64 * UnitRoundoff * (1 + Math.Abs(value));
            var t = 1.0;
            var accepted = false;
            double trialValue = double.NaN;
            for (var halving = 0; halving <= MaxStepHalvings; halving++)
            {
                for (var j = 0; j < q; j++)
                {
                    trial[j] = theta[j] + (t * step[j]);
                }

                objective.Design.Multiply(trial, trialEta);
                trialValue = objective.Value(trial, trialEta);
                if (trialValue <= value - (ArmijoFraction * t * decrement) || (belowRounding && halving == 0 && double.IsFinite(trialValue)))
                {
                    accepted = true;
                    break;
                }

                t *= 0.5;
            }

            if (!accepted)
            {
                if (!exact)
                {
                    reusable = null;
                    relativeStep = 0;
                    continue;
                }

                stop = SolverStop.NoProgress;
                break;
            }

            iterations++;
            var previousValue = value;
            (theta, trial) = (trial, theta);
            (eta, trialEta) = (trialEta, eta);
            value = trialValue;

            var stepSize = t * MaxAbs(step);
            var size = MaxAbs(theta);
            relativeStep = stepSize / (1.0 + size);
            var shrink = stepSize / previousStep;
            previousStep = stepSize;
            if (relativeStep <= tolerance && (exact || relativeStep <= 1e-6 * tolerance || shrink > 0.5))
            {
                stop = SolverStop.Converged;
                break;
            }

            if (!exact && !estimated && shrink > 0.25)
            {
                // The reused factor no longer contracts fast enough: rebuild the exact Hessian.
                reusable = null;
            }

            if (detectSeparation)
            {
                if (AllCorrectlySeparated(objective, eta))
                {
                    stop = SolverStop.PerfectSeparation;
                    break;
                }

                // A large step that no longer lowers f means the optimum is at infinity along a direction
                // that drives some observations' probabilities to exactly their labels.
                // NOTE: this is a numerical test, not the linear program that decides quasi-complete
                // separation exactly; a fit that ends at maxIterations with saturated observations is
                // also reported as separated, and L-BFGS fits (over 1024 parameters) are not checked.
                var stalled = previousValue - value <= 1e-13 * Math.Abs(value) && stepSize > 1e-4 * (1.0 + size);
                if (stalled && CountSaturated(objective, eta) > 0)
                {
                    stop = SolverStop.QuasiCompleteSeparation;
                    break;
                }
            }
        }

        return new SolverResult(theta, eta, value, iterations, stop);
    }

    /// <summary>Whether every observation with positive weight lies strictly on the side of its own label.</summary>
    public static bool AllCorrectlySeparated(LogisticObjective objective, ReadOnlySpan<double> eta)
    {
        var weights = objective.Weights;
        var targets = objective.Targets;
        for (var i = 0; i < eta.Length; i++)
        {
            if (weights[i] > 0 && Margin(eta[i], targets[i]) <= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Counts observations with positive weight whose margin exceeds <see cref="SaturatedMargin"/>.</summary>
    public static int CountSaturated(LogisticObjective objective, ReadOnlySpan<double> eta)
    {
        var count = 0;
        for (var i = 0; i < eta.Length; i++)
        {
            if (objective.Weights[i] > 0 && Margin(eta[i], objective.Targets[i]) > SaturatedMargin)
            {
                count++;
            }
        }

        return count;
    }

    public static double Margin(double eta, double target) => target == 1.0 ? eta : -eta;

    public static double MaxAbs(ReadOnlySpan<double> values)
    {
        var largest = 0.0;
        foreach (var value in values)
        {
            largest = Math.Max(largest, Math.Abs(value));
        }

        return largest;
    }
}
