namespace SigmoidService.Api.LogisticRegression;

/// <summary>
/// The fitted probability curve of a one-feature model, P(positive | x) = sigmoid(coefficient * x +
/// intercept) on an even grid, with the training points, ready to draw. DecisionBoundary is the x where the
/// probability is 1/2 (-intercept / coefficient), null when the coefficient is 0.
/// </summary>
public sealed record LogisticCurveResponse(
    string ModelId,
    LabelValue[] Classes,
    double Coefficient,
    double Intercept,
    double? DecisionBoundary,
    double[] X,
    double[] Probabilities,
    LogisticCurvePoints TrainingPoints);

/// <summary>Training observations of a one-feature model; Targets is 1 for the positive class.</summary>
public sealed record LogisticCurvePoints(double[] X, int[] Targets, LabelValue[] Labels);
