namespace SigmoidService.Domain.Networks;

/// <summary>The outputs of one neuron over a batch of inputs.</summary>
/// <param name="PreActivations">z = w·x + b for each input.</param>
/// <param name="Outputs">f(z) for each input.</param>
/// <param name="Derivatives">f'(z) for each input: the local gradient d output / d z.</param>
public sealed record NeuronForwardResult(double[] PreActivations, double[] Outputs, double[] Derivatives);
