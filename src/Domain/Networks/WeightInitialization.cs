namespace SigmoidService.Domain.Networks;

/// <summary>How the weights of a fully connected layer with fan-in n_in and fan-out n_out are drawn. Biases start at 0.</summary>
public enum WeightInitialization
{
    /// <summary>Uniform in [-1/sqrt(n_in), 1/sqrt(n_in)], the common heuristic Glorot and Bengio (2010) call "standard".</summary>
    Standard,

    /// <summary>Glorot and Bengio's normalised initialisation: uniform in ±sqrt(6 / (n_in + n_out)), as torch.nn.init.xavier_uniform_.</summary>
    Xavier,

    /// <summary>He et al. (2015) for ReLU: uniform in ±sqrt(6 / n_in), as torch.nn.init.kaiming_uniform_ with a = 0.</summary>
    He,
}
