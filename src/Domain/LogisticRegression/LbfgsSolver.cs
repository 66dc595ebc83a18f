namespace SigmoidService.Domain.LogisticRegression;

/// <summary>
/// Limited-memory BFGS (ten correction pairs, two-loop recursion, backtracking Armijo line search) on the
/// standardised design, for models with too many parameters for a dense Newton system. Stops when the
/// largest gradient component falls below the tolerance times its value at the start.
/// </summary>
internal static class LbfgsSolver
{
    private const int Memory = 10;
    private const double ArmijoFraction = 1e-4;
    private const int MaxStepHalvings = 60;

    public static SolverResult Minimize(LogisticObjective objective, double[] theta, int maxIterations, double tolerance, CancellationToken cancellationToken)
    {
        var n = objective.Rows;
        var q = objective.ParameterCount;
        var eta = new double[n];
        var trialEta = new double[n];
        var residuals = new double[n];
        var gradient = new double[q];
        var trialGradient = new double[q];
        var direction = new double[q];
        var trial = new double[q];
        var steps = new List<double[]>();
        var changes = new List<double[]>();
        var curvatures = new List<double>();
        var alphas = new double[Memory];

        objective.Design.Multiply(theta, eta);
        var value = objective.Value(theta, eta);
        objective.Residuals(eta, residuals, []);
        objective.Gradient(theta, residuals, gradient);
        var threshold = tolerance * NewtonSolver.MaxAbs(gradient);
        var iterations = 0;
        var stop = SolverStop.MaxIterations;
        while (iterations < maxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (NewtonSolver.MaxAbs(gradient) <= threshold)
            {
                stop = SolverStop.Converged;
                break;
            }

            TwoLoopDirection(gradient, steps, changes, curvatures, alphas, direction);
            var slope = Dot(gradient, direction);
            if (!(slope < 0))
            {
                // The memory no longer gives a descent direction: restart from steepest descent.
                steps.Clear();
                changes.Clear();
                curvatures.Clear();
                for (var j = 0; j < q; j++)
                {
                    direction[j] = -gradient[j];
                }

                slope = Dot(gradient, direction);
            }

            // The first step of steepest descent has no scale; keep it to a unit move.
            var t = steps.Count == 0 ? Math.Min(1.0, 1.0 / Math.Max(1e-300, NewtonSolver.MaxAbs(direction))) : 1.0;
            var accepted = false;
            var trialValue = double.NaN;
            for (var halving = 0; halving <= MaxStepHalvings; halving++)
            {
                for (var j = 0; j < q; j++)
                {
                    trial[j] = theta[j] + (t * direction[j]);
                }

                objective.Design.Multiply(trial, trialEta);
                trialValue = objective.Value(trial, trialEta);
                if (trialValue <= value + (ArmijoFraction * t * slope))
                {
                    accepted = true;
                    break;
                }

                t *= 0.5;
            }

            if (!accepted)
            {
                stop = SolverStop.NoProgress;
                break;
            }

            objective.Residuals(trialEta, residuals, []);
            objective.Gradient(trial, residuals, trialGradient);
            var s = new double[q];
            var y = new double[q];
            for (var j = 0; j < q; j++)
            {
                s[j] = trial[j] - theta[j];
                y[j] = trialGradient[j] - gradient[j];
            }

            var sy = Dot(s, y);
            if (sy > 1e-12 * Math.Sqrt(Dot(s, s) * Dot(y, y)))
            {
                if (steps.Count == Memory)
                {
                    steps.RemoveAt(0);
                    changes.RemoveAt(0);
                    curvatures.RemoveAt(0);
                }

                steps.Add(s);
                changes.Add(y);
                curvatures.Add(sy);
            }

            (theta, trial) = (trial, theta);
            (eta, trialEta) = (trialEta, eta);
            (gradient, trialGradient) = (trialGradient, gradient);
            value = trialValue;
            iterations++;
        }

        if (stop == SolverStop.MaxIterations && NewtonSolver.MaxAbs(gradient) <= threshold)
        {
            stop = SolverStop.Converged;
        }

        return new SolverResult(theta, eta, value, iterations, stop);
    }

    private static void TwoLoopDirection(double[] gradient, List<double[]> steps, List<double[]> changes, List<double> curvatures, double[] alphas, double[] direction)
    {
        var q = gradient.Length;
        for (var j = 0; j < q; j++)
        {
            direction[j] = -gradient[j];
        }

        for (var k = steps.Count - 1; k >= 0; k--)
        {
            alphas[k] = Dot(steps[k], direction) / curvatures[k];
            var change = changes[k];
            for (var j = 0; j < q; j++)
            {
                direction[j] -= alphas[k] * change[j];
            }
        }

        if (steps.Count > 0)
        {
            var last = steps.Count - 1;
            var gamma = curvatures[last] / Dot(changes[last], changes[last]);
            for (var j = 0; j < q; j++)
            {
                direction[j] *= gamma;
            }
        }

        for (var k = 0; k < steps.Count; k++)
        {
            var beta = Dot(changes[k], direction) / curvatures[k];
            var step = steps[k];
            for (var j = 0; j < q; j++)
            {
                direction[j] += (alphas[k] - beta) * step[j];
            }
        }
    }

    private static double Dot(double[] a, double[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
}
