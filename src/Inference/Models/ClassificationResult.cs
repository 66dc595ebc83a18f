namespace SigmoidService.Inference.Models;

/// <summary>
/// The sigmoid outputs of a binary classifier for one batch, in input order, with the model that produced
/// them and the card's decision threshold (a probability at or above it gets the positive label).
/// </summary>
public sealed record ClassificationResult(string Model, string Version, double Threshold, IReadOnlyList<float> Probabilities)
{
    public bool IsPositive(int index) => Probabilities[index] >= Threshold;
}
