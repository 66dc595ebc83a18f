namespace SigmoidService.Api.Models;

/// <summary>
/// Either latent vectors to decode, or a count of vectors to sample from the standard normal prior with
/// an optional seed (the same seed gives the same digits).
/// </summary>
public sealed record GenerateDigitsRequest(IReadOnlyList<IReadOnlyList<double>?>? Latent, int? Count, int? Seed);
