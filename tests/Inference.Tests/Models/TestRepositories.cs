using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SigmoidService.Inference.Models;
using SigmoidService.Inference.Sentiment;

namespace SigmoidService.Inference.Tests.Models;

/// <summary>Builds model repositories for tests: the real one, and temporary ones with broken files.</summary>
internal static class TestRepositories
{
    /// <summary>The three models the service ships, each required.</summary>
    public static InferenceOptions RealOptions() => new()
    {
        Models = new(StringComparer.Ordinal)
        {
            [ModelNames.MnistZero] = new ModelOptions(),
            [ModelNames.ImdbSentiment] = new ModelOptions(),
            [ModelNames.MnistVaeDecoder] = new ModelOptions(),
        },
    };

    public static ModelRepository Create(InferenceOptions options) =>
        new(Options.Create(options), new TestHostEnvironment(), NullLogger<ModelRepository>.Instance, [new ReviewTokenizerPreparer()]);

    /// <summary>The real repository with the three models required, loaded and warmed up; the caller disposes it.</summary>
    public static ModelRepository LoadReal() => Load(RealOptions());

    /// <summary>The real repository with one model required, loaded and warmed up; the caller disposes it.</summary>
    public static ModelRepository LoadReal(string required) =>
        Load(new InferenceOptions { Models = new(StringComparer.Ordinal) { [required] = new ModelOptions() } });

    private static ModelRepository Load(InferenceOptions options)
    {
        var repository = Create(options);
        repository.Load();
        repository.WarmUp();
        return repository;
    }

    /// <summary>The path of a shipped model file, found as the service finds the repository.</summary>
    public static string RealModelPath(string name)
    {
        var root = ModelRepositoryLocator.Find("models", new TestHostEnvironment().ContentRootPath, AppContext.BaseDirectory, out _)
            ?? throw new InvalidOperationException("The models folder was not found above the test sources.");
        return Path.Combine(root, name, "1", "model.onnx");
    }

    /// <summary>Writes <c>&lt;root&gt;/&lt;name&gt;/1/model.onnx</c> and a card whose onnxSha256 is given or, by default, the file's own.</summary>
    public static string WriteModel(string root, string name, byte[] model, string? cardSha256 = null, bool withSha = true)
    {
        var folder = Path.Combine(root, name, "1");
        Directory.CreateDirectory(folder);
        var modelPath = Path.Combine(folder, "model.onnx");
        File.WriteAllBytes(modelPath, model);

        var sha = cardSha256 ?? Convert.ToHexStringLower(SHA256.HashData(model));
        var card = withSha
            ? $$"""{"name": "{{name}}", "version": 1, "threshold": 0.5, "onnxSha256": "{{sha}}"}"""
            : $$"""{"name": "{{name}}", "version": 1, "threshold": 0.5}""";
        File.WriteAllText(Path.Combine(folder, "card.json"), card);
        return modelPath;
    }
}
