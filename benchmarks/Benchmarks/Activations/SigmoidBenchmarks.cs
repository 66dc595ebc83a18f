using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using SigmoidService.Domain.Activations;

namespace SigmoidService.Benchmarks.Activations;

/// <summary>
/// The exact vectorised sigmoid against TensorPrimitives.Sigmoid and a scalar 1 / (1 + exp(-x)) loop over
/// 1,000,000 doubles and floats, uniform in [-50, 50] with a fixed seed.
/// </summary>
[SimpleJob(warmupCount: 3, iterationCount: 5)]
[MemoryDiagnoser]
public class SigmoidBenchmarks
{
    private const int Count = 1_000_000;

    private readonly SigmoidActivation _sigmoid = new();
    private double[] _doubles = [];
    private double[] _doubleValues = [];
    private double[] _doubleDerivatives = [];
    private float[] _floats = [];
    private float[] _floatValues = [];
    private float[] _floatDerivatives = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _doubles = [.. Enumerable.Range(0, Count).Select(_ => (random.NextDouble() * 100.0) - 50.0)];
        _floats = [.. _doubles.Select(value => (float)value)];
        _doubleValues = new double[Count];
        _doubleDerivatives = new double[Count];
        _floatValues = new float[Count];
        _floatDerivatives = new float[Count];
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("double")]
    public void Double_TensorPrimitives() => TensorPrimitives.Sigmoid(_doubles, _doubleValues);

    [Benchmark]
    [BenchmarkCategory("double")]
    public void Double_Exact() => _sigmoid.EvaluateValues(_doubles, _doubleValues);

    [Benchmark]
    [BenchmarkCategory("double")]
    public void Double_ExactWithDerivative() => _sigmoid.Evaluate(_doubles, _doubleValues, _doubleDerivatives);

    [Benchmark]
    [BenchmarkCategory("double")]
    public void Double_ScalarLoop()
    {
        var x = _doubles;
        var values = _doubleValues;
        for (var i = 0; i < x.Length; i++)
        {
            values[i] = 1.0 / (1.0 + Math.Exp(-x[i]));
        }
    }

    [Benchmark]
    [BenchmarkCategory("single")]
    public void Single_TensorPrimitives() => TensorPrimitives.Sigmoid(_floats, _floatValues);

    [Benchmark]
    [BenchmarkCategory("single")]
    public void Single_Exact() => _sigmoid.EvaluateValues(_floats, _floatValues);

    [Benchmark]
    [BenchmarkCategory("single")]
    public void Single_ExactWithDerivative() => _sigmoid.Evaluate(_floats, _floatValues, _floatDerivatives);

    [Benchmark]
    [BenchmarkCategory("single")]
    public void Single_ScalarLoop()
    {
        var x = _floats;
        var values = _floatValues;
        for (var i = 0; i < x.Length; i++)
        {
            values[i] = 1.0f / (1.0f + MathF.Exp(-x[i]));
        }
    }
}
