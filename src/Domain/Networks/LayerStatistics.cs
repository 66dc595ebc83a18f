namespace SigmoidService.Domain.Networks;

/// <summary>What one hidden layer of the vanishing-gradient experiment looks like after a forward and backward pass.</summary>
/// <param name="Layer">The 1-based layer index; layer 1 is next to the input.</param>
/// <param name="ActivationMean">The mean of the layer's activations over all samples and units.</param>
/// <param name="ActivationStd">The population standard deviation of those activations.</param>
/// <param name="GradientNorm">The Frobenius norm of ∂L/∂z, the loss gradient back-propagated to the layer's pre-activations, over the batch.</param>
/// <param name="WeightGradientNorm">The Frobenius norm of ∂L/∂W for the layer's weight matrix.</param>
public sealed record LayerStatistics(int Layer, double ActivationMean, double ActivationStd, double GradientNorm, double WeightGradientNorm);
