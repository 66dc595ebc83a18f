namespace SigmoidService.Domain.Datasets;

/// <summary>
/// Parameters of <see cref="ClassificationDataGenerator"/>, named and defaulted as in scikit-learn's
/// <c>make_classification</c> (two classes only).
/// </summary>
public sealed record ClassificationDataOptions
{
    /// <summary>Count of rows.</summary>
    public int Samples { get; init; } = 100;

    /// <summary>Count of columns: informative, redundant, repeated, then pure noise.</summary>
    public int Features { get; init; } = 20;

    /// <summary>Columns drawn from the Gaussian clusters.</summary>
    public int Informative { get; init; } = 2;

    /// <summary>Columns that are random linear combinations of the informative ones.</summary>
    public int Redundant { get; init; } = 2;

    /// <summary>Columns that copy randomly chosen informative or redundant columns.</summary>
    public int Repeated { get; init; }

    /// <summary>Gaussian clusters per class, each centred on its own vertex of the hypercube.</summary>
    public int ClustersPerClass { get; init; } = 2;

    /// <summary>The share of the negative class, in (0, 1); null for equal shares.</summary>
    public double? NegativeWeight { get; init; }

    /// <summary>Share of labels replaced by a random class (which may equal the original), in [0, 1].</summary>
    public double FlipY { get; init; } = 0.01;

    /// <summary>Half the side of the hypercube whose vertices are the cluster centres; larger separates more.</summary>
    public double ClassSep { get; init; } = 1.0;

    /// <summary>Whether the centres sit exactly on hypercube vertices (otherwise on a randomly stretched polytope).</summary>
    public bool Hypercube { get; init; } = true;

    /// <summary>Added to every feature (after generation, before <see cref="Scale"/>).</summary>
    public double Shift { get; init; }

    /// <summary>Multiplies every feature.</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>Whether rows are shuffled; when false they come cluster by cluster.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Seed of the generator: the same options and seed always give the same data.</summary>
    public long Seed { get; init; }
}
