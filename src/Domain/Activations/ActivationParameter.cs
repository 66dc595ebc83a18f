namespace SigmoidService.Domain.Activations;

/// <summary>A named, finite real parameter of an activation.</summary>
/// <param name="Name">The name clients use, as in <c>{"parameters": {"alpha": 0.1}}</c>.</param>
/// <param name="Default">The value used when the client gives none (PyTorch's default).</param>
/// <param name="Description">What the parameter sets.</param>
/// <param name="MustBePositive">Whether values &lt;= 0 are invalid.</param>
public sealed record ActivationParameter(string Name, double Default, string Description, bool MustBePositive = false)
{
    /// <summary>Returns why <paramref name="value"/> is invalid, or null when it is valid.</summary>
    public string? Validate(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN is not a valid parameter value.";
        }

        if (!double.IsFinite(value))
        {
            return "The parameter must be a finite number.";
        }

        return MustBePositive && value <= 0 ? $"The parameter must be greater than 0, but was {value:R}." : null;
    }
}
