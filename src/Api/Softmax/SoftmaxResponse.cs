namespace SigmoidService.Api.Softmax;

/// <summary>Softmax probabilities and log-probabilities, in the order of the logits.</summary>
public sealed record SoftmaxResponse(double[] Probabilities, double[] LogProbabilities);
