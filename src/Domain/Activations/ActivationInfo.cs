namespace SigmoidService.Domain.Activations;

/// <summary>The catalogue entry of an activation: its name, formulas, range, shape and parameters.</summary>
/// <param name="Name">The lowercase, hyphenated name used in URLs, such as <c>log-sigmoid</c>.</param>
/// <param name="DisplayName">The name for people, such as <c>Log-sigmoid</c>.</param>
/// <param name="Formula">f(x) as plain text.</param>
/// <param name="DerivativeFormula">f'(x) as plain text.</param>
/// <param name="Latex">f(x) as LaTeX.</param>
/// <param name="DerivativeLatex">f'(x) as LaTeX.</param>
/// <param name="Range">The range of f with the default parameters.</param>
/// <param name="Properties">The shape of f with the default parameters.</param>
/// <param name="Parameters">The parameters with their defaults, in a fixed order.</param>
/// <param name="Domain">The inputs f is defined for; the whole extended real line except for logit.</param>
public sealed record ActivationInfo(
    string Name,
    string DisplayName,
    string Formula,
    string DerivativeFormula,
    string Latex,
    string DerivativeLatex,
    ActivationRange Range,
    ActivationProperties Properties,
    IReadOnlyList<ActivationParameter> Parameters,
    ActivationRange Domain);
