namespace SigmoidService.Domain.LogisticRegression;

/// <summary>Options of a logistic-regression fit; the defaults are scikit-learn's, with a tighter tolerance.</summary>
public sealed record LogisticRegressionOptions
{
    /// <summary>Largest accepted <see cref="MaxIterations"/>.</summary>
    public const int MaxIterationsLimit = 10_000;

    /// <summary>The penalty: L2 (scikit-learn's default) or none (maximum likelihood).</summary>
    public LogisticPenalty Penalty { get; init; } = LogisticPenalty.L2;

    /// <summary>Inverse regularisation strength C of the L2 objective; must be positive and finite.</summary>
    public double C { get; init; } = 1.0;

    /// <summary>Whether the model has an (unpenalised) intercept.</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>Class weights multiplying the sample weights, or null for none.</summary>
    public ClassWeighting? ClassWeight { get; init; }

    /// <summary>Maximum count of solver iterations, 1 to <see cref="MaxIterationsLimit"/>.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>
    /// Convergence tolerance, positive. The Newton solver stops when its step, measured on standardised
    /// features, is below <c>Tolerance * (1 + max |coefficient|)</c>; because Newton converges
    /// quadratically, the result is then within about the square of that of the optimum. L-BFGS stops
    /// when the largest gradient component is below <c>Tolerance</c> times its value at the start.
    /// </summary>
    public double Tolerance { get; init; } = 1e-8;

    /// <summary>Checks the options and throws <see cref="Common.InvalidInputException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (!(C > 0 && double.IsFinite(C)))
        {
            throw new Common.InvalidInputException("options.c", "C must be a positive finite number.");
        }

        if (MaxIterations < 1 || MaxIterations > MaxIterationsLimit)
        {
            throw new Common.InvalidInputException("options.maxIterations", $"The maximum iteration count must be between 1 and {MaxIterationsLimit}.");
        }

        if (!(Tolerance > 0 && double.IsFinite(Tolerance)))
        {
            throw new Common.InvalidInputException("options.tolerance", "The tolerance must be a positive finite number.");
        }
    }
}
