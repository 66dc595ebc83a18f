namespace SigmoidService.Domain.LogisticRegression;

/// <summary>
/// Per-class weights that multiply the sample weights: either scikit-learn's <c>"balanced"</c>
/// (n / (2 * count of the class), counting rows, not sample weights) or explicit weights for the negative
/// and the positive class.
/// </summary>
public sealed record ClassWeighting
{
    private ClassWeighting(bool isBalanced, double negativeWeight, double positiveWeight)
    {
        IsBalanced = isBalanced;
        NegativeWeight = negativeWeight;
        PositiveWeight = positiveWeight;
    }

    /// <summary>scikit-learn's balanced weights, n / (2 * count of the class).</summary>
    public static ClassWeighting Balanced { get; } = new(true, double.NaN, double.NaN);

    /// <summary>Whether the weights are computed from the class counts.</summary>
    public bool IsBalanced { get; }

    /// <summary>The explicit weight of the negative class (NaN when balanced).</summary>
    public double NegativeWeight { get; }

    /// <summary>The explicit weight of the positive class (NaN when balanced).</summary>
    public double PositiveWeight { get; }

    /// <summary>Explicit non-negative finite weights for the negative and the positive class.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a weight is negative or not finite.</exception>
    public static ClassWeighting Explicit(double negativeWeight, double positiveWeight)
    {
        if (!(negativeWeight >= 0 && double.IsFinite(negativeWeight)))
        {
            throw new ArgumentOutOfRangeException(nameof(negativeWeight), negativeWeight, "A class weight must be a non-negative finite number.");
        }

        if (!(positiveWeight >= 0 && double.IsFinite(positiveWeight)))
        {
            throw new ArgumentOutOfRangeException(nameof(positiveWeight), positiveWeight, "A class weight must be a non-negative finite number.");
        }

        return new ClassWeighting(false, negativeWeight, positiveWeight);
    }

    /// <summary>Returns the weights of the negative and the positive class for the given class counts.</summary>
    public (double Negative, double Positive) Resolve(int negativeCount, int positiveCount)
    {
        if (!IsBalanced)
        {
            return (NegativeWeight, PositiveWeight);
        }

        double total = negativeCount + positiveCount;
        return (total / (2.0 * negativeCount), total / (2.0 * positiveCount));
    }
}
