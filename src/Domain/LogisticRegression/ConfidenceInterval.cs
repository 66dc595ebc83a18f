namespace SigmoidService.Domain.LogisticRegression;

/// <summary>A two-sided confidence interval [Lower, Upper].</summary>
public readonly record struct ConfidenceInterval(double Lower, double Upper);
