using SigmoidService.Domain.Activations;

namespace SigmoidService.Api.Activations;

/// <summary>One catalogue entry as the API returns it.</summary>
public sealed record ActivationDescription(
    string Name,
    string DisplayName,
    string Formula,
    string DerivativeFormula,
    string Latex,
    string DerivativeLatex,
    ActivationRangeDto Range,
    ActivationPropertiesDto Properties,
    IReadOnlyList<ActivationParameterDto> Parameters,
    ActivationRangeDto Domain)
{
    public static ActivationDescription From(ActivationInfo info) => new(
        info.Name,
        info.DisplayName,
        info.Formula,
        info.DerivativeFormula,
        info.Latex,
        info.DerivativeLatex,
        new ActivationRangeDto(info.Range.Min, info.Range.Max),
        new ActivationPropertiesDto(info.Properties.Bounded, info.Properties.Monotonic, info.Properties.ZeroCentered, info.Properties.Smooth),
        [.. info.Parameters.Select(parameter => new ActivationParameterDto(parameter.Name, parameter.Default, parameter.Description))],
        new ActivationRangeDto(info.Domain.Min, info.Domain.Max));
}
