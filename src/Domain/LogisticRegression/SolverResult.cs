namespace SigmoidService.Domain.LogisticRegression;

/// <summary>Why a solver stopped.</summary>
internal enum SolverStop
{
    Converged,
    MaxIterations,
    PerfectSeparation,
    QuasiCompleteSeparation,
    NoProgress,
}

/// <summary>The solver parameters at the end of a fit, with eta = Z theta and the objective there.</summary>
internal sealed record SolverResult(double[] Theta, double[] Eta, double Objective, int Iterations, SolverStop Stop);
