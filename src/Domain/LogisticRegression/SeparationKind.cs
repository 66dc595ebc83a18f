namespace SigmoidService.Domain.LogisticRegression;

/// <summary>Whether the classes of an unpenalised fit are separated, in which case the likelihood has no maximum.</summary>
public enum SeparationKind
{
    /// <summary>The maximum-likelihood estimate exists (as far as the solver could tell).</summary>
    None,

    /// <summary>
    /// Some observations are predicted perfectly in the limit: the likelihood rises towards its supremum
    /// as some coefficients go to infinity, while the other observations keep it below 1.
    /// </summary>
    QuasiComplete,

    /// <summary>A hyperplane splits the classes exactly, so every coefficient along it goes to infinity.</summary>
    Perfect,
}
