namespace SigmoidService.Inference.Models;

/// <summary>The names of the models the service's own endpoints are built on, as their repository folders are named.</summary>
public static class ModelNames
{
    /// <summary>Is a 28x28 handwritten digit a zero? <c>float32 [N, 1, 28, 28]</c> in, <c>float32 [N, 1]</c> out.</summary>
    public const string MnistZero = "mnist-zero";

    /// <summary>Is a movie review positive? <c>int64 [N, L]</c> token ids in, <c>float32 [N, 1]</c> out.</summary>
    public const string ImdbSentiment = "imdb-sentiment";

    /// <summary>The decoder of a variational autoencoder: <c>float32 [N, latent]</c> in, <c>float32 [N, 784]</c> pixels out.</summary>
    public const string MnistVaeDecoder = "mnist-vae-decoder";
}
