using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SigmoidService.Api.Models;
using SigmoidService.Inference.Models;

namespace SigmoidService.Api.Tests.Models;

public sealed class ModelStartupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sigmoid-startup-" + Guid.NewGuid().ToString("N"));

    public ModelStartupTests()
    {
        Directory.CreateDirectory(_folder);
    }

    [Fact]
    public void Start_CorruptRequiredModel_FailsNamingTheFile()
    {
        CopyShippedModel(ModelNames.ImdbSentiment);
        CopyShippedModel(ModelNames.MnistVaeDecoder);
        var corrupt = WriteCorruptModel(ModelNames.MnistZero);
        using var factory = Factory(new Dictionary<string, string?>());

        var exception = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(exception);
        Assert.Contains(corrupt, Flatten(exception), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_RepositoryFolderMissing_FailsNamingThePath()
    {
        var missing = Path.Combine(_folder, "absent");
        using var factory = Factory(new Dictionary<string, string?> { ["Inference:ModelRepositoryPath"] = missing });

        var exception = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(exception);
        Assert.Contains(missing, Flatten(exception), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_CorruptOptionalModel_Returns503ForIt()
    {
        CopyShippedModel(ModelNames.ImdbSentiment);
        CopyShippedModel(ModelNames.MnistVaeDecoder);
        WriteCorruptModel(ModelNames.MnistZero);
        using var factory = Factory(new Dictionary<string, string?> { ["Inference:Models:mnist-zero:Optional"] = "true" });
        using var client = factory.CreateClient();

        await ModelTestData.WaitUntilReadyAsync(client);
        using var predict = await client.PostAsync(new Uri("/api/v1/models/mnist-zero/predict", UriKind.Relative),
            new StringContent("""{"pixels": [[]]}""".Replace("[]", "[" + string.Join(",", new int[784]) + "]", StringComparison.Ordinal),
                System.Text.Encoding.UTF8, "application/json"));
        using var ready = await client.GetAsync(new Uri("/v2/models/mnist-zero/ready", UriKind.Relative));
        using var generate = await client.PostAsync(new Uri("/api/v1/models/mnist-vae-decoder/generate", UriKind.Relative),
            new StringContent("""{"count": 1, "seed": 1}""", System.Text.Encoding.UTF8, "application/json"));

        await DigitPredictionTests.AssertProblemAsync(predict, HttpStatusCode.ServiceUnavailable, null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, generate.StatusCode);
    }

    [Fact]
    public async Task ReadinessCheck_BeforeWarmUp_IsUnhealthy()
    {
        using var factory = new WebApplicationFactory<Program>();
        using var scope = factory.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<InferenceOptions>>();
        var environment = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>();
        var preparers = scope.ServiceProvider.GetServices<IModelPreparer>();
        using var repository = new ModelRepository(options, environment, Microsoft.Extensions.Logging.Abstractions.NullLogger<ModelRepository>.Instance, preparers);
        var check = new ModelReadinessHealthCheck(repository);

        repository.Load();
        var loading = await check.CheckHealthAsync(new HealthCheckContext());
        repository.WarmUp();
        var warm = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, loading.Status);
        Assert.Contains("mnist-zero: loading", loading.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, warm.Status);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder does not change any test result.
        }
    }

    private WebApplicationFactory<Program> Factory(Dictionary<string, string?> settings)
    {
        settings.TryAdd("Inference:ModelRepositoryPath", _folder);
        return new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings)));
    }

    private void CopyShippedModel(string name)
    {
        var source = Path.GetDirectoryName(ShippedModelPath(name))!;
        var target = Directory.CreateDirectory(Path.Combine(_folder, name, "1")).FullName;
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }

    /// <summary>Writes random bytes as model.onnx with a card whose SHA-256 matches them, so that only ONNX Runtime can tell.</summary>
    private string WriteCorruptModel(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, name, "1")).FullName;
        var bytes = new byte[2048];
        new Random(9).NextBytes(bytes);
        var path = Path.Combine(folder, "model.onnx");
        File.WriteAllBytes(path, bytes);
        File.WriteAllText(Path.Combine(folder, "card.json"),
            $$"""{"name": "{{name}}", "version": 1, "onnxSha256": "{{Convert.ToHexStringLower(SHA256.HashData(bytes))}}"}""");
        return path;
    }

    private static string ShippedModelPath(string name, [CallerFilePath] string sourcePath = "")
    {
        // Searched from this source file, because the build output may live outside the repository.
        var root = ModelRepositoryLocator.Find("models", Path.GetDirectoryName(sourcePath), AppContext.BaseDirectory, out _)
            ?? throw new InvalidOperationException("The models folder was not found above the test sources.");
        return Path.Combine(root, name, "1", "model.onnx");
    }

    private static string Flatten(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
            if (current is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(Flatten));
            }
        }

        return string.Join(Environment.NewLine, messages);
    }
}
