using BenchmarkDotNet.Attributes;
using SigmoidService.Domain.LogisticRegression;

namespace SigmoidService.Benchmarks.LogisticRegression;

/// <summary>
/// Fit time of L2 logistic regression (C = 1, scikit-learn's defaults otherwise, tolerance 1e-8) on
/// make_classification data that make_benchmark_data.py writes to /tmp/sigmoid-logreg-bench; the same
/// script times scikit-learn on the same files.
/// </summary>
[SimpleJob(warmupCount: 3, iterationCount: 5)]
public class LogisticRegressionFitBenchmarks
{
    private const string DataDirectory = "/tmp/sigmoid-logreg-bench";

    private FeatureMatrix _features = null!;
    private int[] _labels = null!;

    [Params("100000x20", "10000x200")]
    public string DataSet { get; set; } = "100000x20";

    [GlobalSetup]
    public void LoadData()
    {
        var parts = DataSet.Split('x');
        var rows = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        var columns = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var featureFile = Path.Combine(DataDirectory, DataSet + ".features");
        if (!File.Exists(featureFile))
        {
            throw new FileNotFoundException(
                "Run /usr/bin/python3 benchmarks/Benchmarks/LogisticRegression/make_benchmark_data.py first to write the data.", featureFile);
        }

        var values = new double[rows * columns];
        Buffer.BlockCopy(File.ReadAllBytes(featureFile), 0, values, 0, values.Length * sizeof(double));
        _labels = new int[rows];
        Buffer.BlockCopy(File.ReadAllBytes(Path.Combine(DataDirectory, DataSet + ".labels")), 0, _labels, 0, rows * sizeof(int));
        _features = new FeatureMatrix(values, rows, columns);

        var check = LogisticRegressionTrainer.Fit(_features, _labels, null, new LogisticRegressionOptions());
        Console.WriteLine($"// {DataSet}: {check.Iterations} iterations, converged {check.Converged}, gradient max |g| {check.GradientNorm:G3}");
    }

    [Benchmark]
    public LogisticRegressionFit Fit() =>
        LogisticRegressionTrainer.Fit(_features, _labels, null, new LogisticRegressionOptions());
}
