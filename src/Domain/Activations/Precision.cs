namespace SigmoidService.Domain.Activations;

/// <summary>The floating-point format an activation is evaluated and rounded in.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Naming",
    "CA1720:Identifiers should not contain type names",
    Justification = "The members name IEEE formats and are the API's \"double\" and \"single\" precision values.")]
public enum Precision
{
    /// <summary>IEEE 754 binary64.</summary>
    Double,

    /// <summary>IEEE 754 binary32: inputs and parameters are rounded to single, the result is rounded once to single.</summary>
    Single,
}
