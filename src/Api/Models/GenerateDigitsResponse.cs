namespace SigmoidService.Api.Models;

/// <summary>
/// The decoded digits in input order, the decoder's latent size, and the seed when the latents were
/// sampled (null when they were given).
/// </summary>
public sealed record GenerateDigitsResponse(string Model, string Version, int LatentSize, int? Seed, IReadOnlyList<GeneratedImage> Images);
