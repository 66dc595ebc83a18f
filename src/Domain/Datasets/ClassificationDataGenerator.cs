using SigmoidService.Domain.Common;
using SigmoidService.Domain.LogisticRegression;

namespace SigmoidService.Domain.Datasets;

/// <summary>
/// Generates a seeded binary classification problem in the manner of scikit-learn's
/// <c>make_classification</c> (Guyon's design for the NIPS 2003 feature selection challenge), with its own
/// SplitMix64 stream, so the numbers differ from scikit-learn's for the same seed.
/// </summary>
/// <remarks>
/// Steps: (1) each class gets <c>ClustersPerClass</c> clusters; every cluster is centred on its own
/// randomly chosen vertex of the hypercube [-ClassSep, ClassSep]^Informative (stretched by random factors
/// when <c>Hypercube</c> is false). (2) A cluster's rows are standard normal in the informative columns,
/// multiplied by a random matrix with entries uniform in [-1, 1) (so each cluster has its own
/// covariance) and moved to the centre. (3) Redundant columns are the informative ones times a random
/// matrix with entries in [-1, 1). Repeated columns copy random informative or redundant columns, and the
/// rest are standard normal noise. (4) Each label is replaced by a random class with probability
/// <c>FlipY</c>. (5) Every value becomes (value + Shift) * Scale and, when <c>Shuffle</c> is set, the rows
/// are shuffled. Rows go to the classes by <c>NegativeWeight</c>, split evenly over each class's clusters.
/// Columns are not shuffled.
/// </remarks>
public static class ClassificationDataGenerator
{
    /// <summary>Largest accepted count of clusters per class.</summary>
    public const int MaxClustersPerClass = 64;

    /// <summary>Generates the data set.</summary>
    /// <exception cref="InvalidInputException">When the options are inconsistent; the field names the option.</exception>
    public static ClassificationDataSet Generate(ClassificationDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var random = new SplitMixRandom(options.Seed);
        var n = options.Samples;
        var p = options.Features;
        var informative = options.Informative;
        var clusters = 2 * options.ClustersPerClass;

        var centroids = ChooseCentroids(random, clusters, informative, options);
        var rowsPerCluster = RowsPerCluster(n, options);
        var values = new double[(long)n * p];
        var labels = new int[n];
        var row = 0;
        var mixing = new double[informative * informative];
        var point = new double[informative];
        for (var cluster = 0; cluster < clusters; cluster++)
        {
            for (var k = 0; k < mixing.Length; k++)
            {
                mixing[k] = random.NextUniform(-1, 1);
            }

            for (var r = 0; r < rowsPerCluster[cluster]; r++, row++)
            {
                for (var j = 0; j < informative; j++)
                {
                    point[j] = random.NextNormal();
                }

                for (var j = 0; j < informative; j++)
                {
                    var sum = centroids[cluster][j];
                    for (var k = 0; k < informative; k++)
                    {
                        sum += point[k] * mixing[(k * informative) + j];
                    }

                    values[((long)row * p) + j] = sum;
                }

                // Clusters alternate between the classes, as in scikit-learn.
                labels[row] = cluster % 2;
            }
        }

        AddDerivedColumns(random, values, n, options);
        FlipLabels(random, labels, options.FlipY);

        for (long k = 0; k < values.Length; k++)
        {
            values[k] = (values[k] + options.Shift) * options.Scale;
        }

        if (options.Shuffle)
        {
            ShuffleRows(random, values, labels, p);
        }

        return new ClassificationDataSet(new FeatureMatrix(values, n, p), labels);
    }

    private static void Validate(ClassificationDataOptions options)
    {
        if (options.Samples < 2)
        {
            throw new InvalidInputException("samples", "There must be at least 2 samples.");
        }

        if (options.Features < 1)
        {
            throw new InvalidInputException("features", "There must be at least 1 feature.");
        }

        if (options.Informative < 1)
        {
            throw new InvalidInputException("informative", "There must be at least 1 informative feature.");
        }

        if (options.Redundant < 0)
        {
            throw new InvalidInputException("redundant", "The count of redundant features must not be negative.");
        }

        if (options.Repeated < 0)
        {
            throw new InvalidInputException("repeated", "The count of repeated features must not be negative.");
        }

        if ((long)options.Informative + options.Redundant + options.Repeated > options.Features)
        {
            throw new InvalidInputException("features", "Informative, redundant and repeated features together must not exceed the feature count.");
        }

        if (options.ClustersPerClass < 1 || options.ClustersPerClass > MaxClustersPerClass)
        {
            throw new InvalidInputException("clustersPerClass", $"The count of clusters per class must be between 1 and {MaxClustersPerClass}.");
        }

        if (options.Informative < 31 && 2 * options.ClustersPerClass > (1 << options.Informative))
        {
            throw new InvalidInputException("clustersPerClass", "2 * clustersPerClass must not exceed 2^informative, the count of hypercube vertices.");
        }

        if (options.NegativeWeight is { } weight && !(weight > 0 && weight < 1))
        {
            throw new InvalidInputException("weights", "The negative-class share must be between 0 and 1, exclusive.");
        }

        if (!(options.FlipY >= 0 && options.FlipY <= 1))
        {
            throw new InvalidInputException("flipY", "flipY must be between 0 and 1.");
        }

        if (!double.IsFinite(options.ClassSep) || options.ClassSep < 0)
        {
            throw new InvalidInputException("classSep", "classSep must be a non-negative finite number.");
        }

        if (!double.IsFinite(options.Shift))
        {
            throw new InvalidInputException("shift", "shift must be a finite number.");
        }

        if (!double.IsFinite(options.Scale))
        {
            throw new InvalidInputException("scale", "scale must be a finite number.");
        }
    }

    private static double[][] ChooseCentroids(SplitMixRandom random, int clusters, int informative, ClassificationDataOptions options)
    {
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        var centroids = new double[clusters][];
        for (var c = 0; c < clusters; c++)
        {
            double[] vertex;
            string key;
            do
            {
                vertex = new double[informative];
                for (var j = 0; j < informative; j++)
                {
                    vertex[j] = (random.NextUInt64() & 1) == 1 ? options.ClassSep : -options.ClassSep;
                }

                key = string.Join(',', vertex.Select(v => v > 0 ? '1' : '0'));
            }
            while (!chosen.Add(key));

            centroids[c] = vertex;
        }

        if (!options.Hypercube)
        {
            var dimensionStretch = new double[informative];
            for (var j = 0; j < informative; j++)
            {
                dimensionStretch[j] = random.NextDouble();
            }

            foreach (var centroid in centroids)
            {
                var clusterStretch = random.NextDouble();
                for (var j = 0; j < informative; j++)
                {
                    centroid[j] *= clusterStretch * dimensionStretch[j];
                }
            }
        }

        return centroids;
    }

    private static int[] RowsPerCluster(int n, ClassificationDataOptions options)
    {
        var perClass = options.ClustersPerClass;
        var negatives = (int)Math.Round(n * (options.NegativeWeight ?? 0.5));
        negatives = Math.Clamp(negatives, 0, n);
        int[] classCounts = [negatives, n - negatives];

        // Clusters alternate between the classes; a class's rows are split evenly over its clusters, the
        // remainder going to its first clusters.
        var counts = new int[2 * perClass];
        for (var c = 0; c < counts.Length; c++)
        {
            var label = c % 2;
            var index = c / 2;
            counts[c] = (classCounts[label] / perClass) + (index < classCounts[label] % perClass ? 1 : 0);
        }

        return counts;
    }

    private static void AddDerivedColumns(SplitMixRandom random, double[] values, int n, ClassificationDataOptions options)
    {
        var p = options.Features;
        var informative = options.Informative;
        var redundant = options.Redundant;
        var combination = new double[informative * redundant];
        for (var k = 0; k < combination.Length; k++)
        {
            combination[k] = random.NextUniform(-1, 1);
        }

        var sources = new int[options.Repeated];
        for (var k = 0; k < sources.Length; k++)
        {
            sources[k] = random.NextInt(informative + redundant);
        }

        for (var i = 0; i < n; i++)
        {
            var offset = (long)i * p;
            for (var r = 0; r < redundant; r++)
            {
                var sum = 0.0;
                for (var k = 0; k < informative; k++)
                {
                    sum += values[offset + k] * combination[(k * redundant) + r];
                }

                values[offset + informative + r] = sum;
            }

            for (var k = 0; k < sources.Length; k++)
            {
                values[offset + informative + redundant + k] = values[offset + sources[k]];
            }

            for (var j = informative + redundant + sources.Length; j < p; j++)
            {
                values[offset + j] = random.NextNormal();
            }
        }
    }

    private static void FlipLabels(SplitMixRandom random, int[] labels, double flipY)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            if (random.NextDouble() < flipY)
            {
                labels[i] = random.NextInt(2);
            }
        }
    }

    private static void ShuffleRows(SplitMixRandom random, double[] values, int[] labels, int p)
    {
        var buffer = new double[p];
        for (var i = labels.Length - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            if (j == i)
            {
                continue;
            }

            (labels[i], labels[j]) = (labels[j], labels[i]);
            var rowI = values.AsSpan(i * p, p);
            var rowJ = values.AsSpan(j * p, p);
            rowI.CopyTo(buffer);
            rowJ.CopyTo(rowI);
            buffer.CopyTo(rowJ);
        }
    }
}
