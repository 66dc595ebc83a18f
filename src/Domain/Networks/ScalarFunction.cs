namespace SigmoidService.Domain.Networks;

/// <summary>
/// An element-wise activation with its derivative, as the network building blocks apply it. The API
/// resolves catalogue names to these, so the networks use the catalogue's exact definitions.
/// </summary>
/// <param name="Name">The catalogue name, such as <c>sigmoid</c>.</param>
/// <param name="Value">The activation f(z).</param>
/// <param name="Derivative">The derivative f'(z), with PyTorch's value at kinks (ReLU'(0) = 0).</param>
public sealed record ScalarFunction(string Name, Func<double, double> Value, Func<double, double> Derivative);
