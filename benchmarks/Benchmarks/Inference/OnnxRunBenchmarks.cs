using BenchmarkDotNet.Attributes;
using Microsoft.ML.OnnxRuntime.Tensors;
using SigmoidService.Inference.Models;

namespace SigmoidService.Benchmarks.Inference;

/// <summary>
/// In-process <c>OnnxModel.Run</c> latency per model at batch 1 and 64: the cost of ONNX Runtime plus the
/// managed copies around it, without HTTP, JSON or preprocessing. Inputs are zeros (pixels, latents) or
/// token id 1, which costs the same as real data for these dense models.
/// </summary>
[SimpleJob(warmupCount: 3, iterationCount: 5)]
[MemoryDiagnoser]
public class OnnxRunBenchmarks
{
    private const long ReviewTokens = 256;

    private OnnxModel _model = null!;
    private ModelTensor[] _inputs = [];

    [Params(ModelNames.MnistZero, ModelNames.ImdbSentiment, ModelNames.MnistVaeDecoder)]
    public string Model { get; set; } = ModelNames.MnistZero;

    [Params(1, 64)]
    public int Batch { get; set; }

    /// <summary>The intra-op threads of the session, as in the service's configuration.</summary>
    [Params(1)]
    public int IntraOpThreads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _model = BenchmarkModels.Load(Model, IntraOpThreads);
        _inputs = [.. _model.Inputs.Select(input =>
        {
            // The batch dimension is the benchmark's batch size. The only other dynamic dimension of the shipped
            // models is the review length of imdb-sentiment, set to 256 tokens: the sample reviews have a median of
            // 172 tokens, so 256 is a longish but common review.
            var shape = new long[input.Shape.Count];
            for (var i = 0; i < shape.Length; i++)
            {
                shape[i] = input.Shape[i] >= 0 ? input.Shape[i] : i == 0 ? Batch : ReviewTokens;
            }

            var length = checked((int)shape.Aggregate(1L, (product, dimension) => product * dimension));
            var data = OnnxModel.CreateArray(input.ElementType, length);
            if (data is long[] tokens)
            {
                Array.Fill(tokens, 1L);
            }

            return new ModelTensor(input.Name, input.ElementType, shape, data);
        })];
    }

    [Benchmark]
    public IReadOnlyList<ModelTensor> Run() => _model.Run(_inputs);

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();
}
