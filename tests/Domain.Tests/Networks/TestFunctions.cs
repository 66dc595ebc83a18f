using SigmoidService.Domain.Networks;

namespace SigmoidService.Domain.Tests.Networks;

/// <summary>
/// Plain textbook activations for domain tests. The domain takes any function, so these keep the network
/// tests independent of the activation catalogue, whose accuracy has its own tests.
/// </summary>
internal static class TestFunctions
{
    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    public static ScalarFunction For(string name) => name switch
    {
        "sigmoid" => new ScalarFunction(name, Sigmoid, z => Sigmoid(z) * Sigmoid(-z)),
        "tanh" => new ScalarFunction(name, Math.Tanh, z => 1 - (Math.Tanh(z) * Math.Tanh(z))),
        "relu" => new ScalarFunction(name, z => z > 0 ? z : 0, z => z > 0 ? 1 : 0),
        "identity" => new ScalarFunction(name, z => z, _ => 1),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No test function with this name."),
    };
}
