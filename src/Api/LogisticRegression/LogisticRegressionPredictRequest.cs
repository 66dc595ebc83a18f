namespace SigmoidService.Api.LogisticRegression;

/// <summary>Rows to predict, each with the model's feature count.</summary>
public sealed record LogisticRegressionPredictRequest(double[][]? Features);

/// <summary>Predictions in input order: P(positive class), the predicted class and the log-odds.</summary>
public sealed record LogisticRegressionPredictResponse(
    string ModelId,
    double[] Probabilities,
    LabelValue[] Labels,
    double[] DecisionFunction);
