namespace SigmoidService.Domain.Activations;

/// <summary>Every activation the service offers, with its default parameters, in catalogue order.</summary>
public static class ActivationCatalog
{
    private static readonly Activation[] Entries =
    [
        new SigmoidActivation(),
        new LogSigmoidActivation(),
        new LogitActivation(),
        new TanhActivation(),
        new ReluActivation(),
        new LeakyReluActivation(),
        new EluActivation(),
        new SeluActivation(),
        new GeluActivation(),
        new SiluActivation(),
        new SoftplusActivation(),
        new SoftsignActivation(),
        new HardSigmoidActivation(),
        new HardSwishActivation(),
        new MishActivation(),
        new ScaledSigmoidActivation(),
    ];

    private static readonly Dictionary<string, Activation> ByName =
        Entries.ToDictionary(activation => activation.Name, StringComparer.Ordinal);

    /// <summary>All activations with their default parameters.</summary>
    public static IReadOnlyList<Activation> All => Entries;

    /// <summary>Finds an activation by its exact lowercase name, such as <c>log-sigmoid</c>.</summary>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Activation? activation) =>
        ByName.TryGetValue(name, out activation);
}
