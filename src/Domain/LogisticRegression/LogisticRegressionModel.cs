namespace SigmoidService.Domain.LogisticRegression;

/// <summary>
/// A fitted binary logistic-regression model: P(positive | x) = sigmoid(w . x + b), with the
/// coefficients w in feature order and the intercept b.
/// </summary>
public sealed class LogisticRegressionModel
{
    private readonly double[] _coefficients;

    public LogisticRegressionModel(IReadOnlyList<double> coefficients, double intercept)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        _coefficients = [.. coefficients];
        Intercept = intercept;
    }

    public IReadOnlyList<double> Coefficients => _coefficients;

    public double Intercept { get; }

    public int FeatureCount => _coefficients.Length;

    /// <summary>Returns the decision function w . x + b (the log-odds of the positive class).</summary>
    /// <exception cref="ArgumentException">When the row does not have <see cref="FeatureCount"/> values.</exception>
    public double DecisionFunction(ReadOnlySpan<double> features)
    {
        if (features.Length != _coefficients.Length)
        {
            throw new ArgumentException($"Expected {_coefficients.Length} features, got {features.Length}.", nameof(features));
        }

        return System.Numerics.Tensors.TensorPrimitives.Dot(features, _coefficients) + Intercept;
    }

    /// <summary>Returns P(positive | x) = sigmoid(w . x + b), exact in both tails.</summary>
    public double Probability(ReadOnlySpan<double> features) => Sigmoid(DecisionFunction(features));

    /// <summary>The logistic sigmoid 1 / (1 + exp(-t)), computed from exp(-|t|), which is at most 1, so no step overflows.</summary>
    public static double Sigmoid(double t)
    {
        var e = Math.Exp(-Math.Abs(t));
        return t >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }
}
