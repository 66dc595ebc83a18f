namespace SigmoidService.Domain.LogisticRegression;

/// <summary>Metrics of a model on its own training data, weighted by the sample weights (not the class weights).</summary>
/// <param name="Accuracy">Share of observations whose predicted class (decision function &gt; 0 means positive) is right.</param>
/// <param name="LogLoss">Mean negative log-likelihood per observation, computed without clipping.</param>
/// <param name="RocAuc">Area under the ROC curve, with tied scores counted as half (the trapezoid rule).</param>
public sealed record TrainingMetrics(double Accuracy, double LogLoss, double RocAuc);
