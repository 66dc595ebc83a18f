using Microsoft.ML.OnnxRuntime.Tensors;
using SigmoidService.Inference.Models;

namespace SigmoidService.Inference.Tests.Models;

public sealed class ModelRepositoryTests
{
    [Fact]
    public void Load_ShippedRepository_LoadsThreeModels()
    {
        using var repository = TestRepositories.LoadReal();

        Assert.True(repository.IsReady);
        Assert.Equal([ModelNames.ImdbSentiment, ModelNames.MnistVaeDecoder, ModelNames.MnistZero], repository.Models.Select(m => m.Name));
        Assert.All(repository.Models, model =>
        {
            Assert.Equal(ModelState.Ready, repository.GetState(model.Name));
            Assert.Equal("1", model.Version);
            Assert.Equal(model.Card.OnnxSha256, model.Sha256);
            Assert.Equal(-1, model.Inputs[0].Shape[0]);
            Assert.Equal(TensorElementType.Float, model.Outputs[0].ElementType);
        });

        var digits = repository.GetReady(ModelNames.MnistZero);
        Assert.Equal(TensorElementType.Float, digits.Inputs[0].ElementType);
        Assert.Equal([-1L, 1, 28, 28], digits.Inputs[0].Shape);
        Assert.Equal([-1L, 1], digits.Outputs[0].Shape);

        var sentiment = repository.GetReady(ModelNames.ImdbSentiment);
        Assert.Equal(TensorElementType.Int64, sentiment.Inputs[0].ElementType);
        Assert.Equal([-1L, 1], sentiment.Outputs[0].Shape);

        var decoder = repository.GetReady(ModelNames.MnistVaeDecoder);
        Assert.Equal(2, decoder.Inputs[0].Shape.Count);
        Assert.Equal([-1L, 784], decoder.Outputs[0].Shape);
    }

    [Fact]
    public void Load_CorruptModel_ThrowsNamingTheFile()
    {
        using var folder = new TemporaryFolder();
        var garbage = new byte[4096];
        new Random(3).NextBytes(garbage);
        var path = TestRepositories.WriteModel(folder.Path, ModelNames.MnistZero, garbage);
        using var repository = TestRepositories.Create(new InferenceOptions { ModelRepositoryPath = folder.Path });

        var exception = Assert.Throws<ModelLoadException>(repository.Load);

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("ONNX Runtime cannot load", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CardShaDiffers_Throws()
    {
        using var folder = new TemporaryFolder();
        var model = File.ReadAllBytes(TestRepositories.RealModelPath(ModelNames.MnistZero));
        var path = TestRepositories.WriteModel(folder.Path, ModelNames.MnistZero, model, cardSha256: new string('0', 64));
        using var repository = TestRepositories.Create(new InferenceOptions { ModelRepositoryPath = folder.Path });

        var exception = Assert.Throws<ModelLoadException>(repository.Load);

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(Path.GetDirectoryName(path)!, "card.json"), exception.Message, StringComparison.Ordinal);
        Assert.Contains("SHA-256", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OneByteFlipped_FailsTheShaCheck()
    {
        using var folder = new TemporaryFolder();
        var model = File.ReadAllBytes(TestRepositories.RealModelPath(ModelNames.MnistZero));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(model));
        model[model.Length / 2] ^= 0x01;
        TestRepositories.WriteModel(folder.Path, ModelNames.MnistZero, model, cardSha256: sha);
        using var repository = TestRepositories.Create(new InferenceOptions { ModelRepositoryPath = folder.Path });

        var exception = Assert.Throws<ModelLoadException>(repository.Load);

        Assert.Contains("SHA-256", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CardWithoutSha_Throws()
    {
        using var folder = new TemporaryFolder();
        var model = File.ReadAllBytes(TestRepositories.RealModelPath(ModelNames.MnistZero));
        TestRepositories.WriteModel(folder.Path, ModelNames.MnistZero, model, withSha: false);
        using var repository = TestRepositories.Create(new InferenceOptions { ModelRepositoryPath = folder.Path });

        var exception = Assert.Throws<ModelLoadException>(repository.Load);

        Assert.Contains("has no onnxSha256", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RequiredModelMissing_Throws()
    {
        using var folder = new TemporaryFolder();
        var options = new InferenceOptions
        {
            ModelRepositoryPath = folder.Path,
            Models = new(StringComparer.Ordinal) { [ModelNames.MnistZero] = new ModelOptions() },
        };
        using var repository = TestRepositories.Create(options);

        var exception = Assert.Throws<ModelLoadException>(repository.Load);

        Assert.Contains(Path.Combine(folder.Path, ModelNames.MnistZero, "1", "model.onnx"), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OptionalModelCorrupt_LeavesItUnavailable()
    {
        using var folder = new TemporaryFolder();
        TestRepositories.WriteModel(folder.Path, ModelNames.MnistZero, [1, 2, 3, 4]);
        var options = new InferenceOptions
        {
            ModelRepositoryPath = folder.Path,
            Models = new(StringComparer.Ordinal) { [ModelNames.MnistZero] = new ModelOptions { Optional = true } },
        };
        using var repository = TestRepositories.Create(options);

        repository.Load();
        repository.WarmUp();

        Assert.True(repository.IsReady);
        Assert.Equal(ModelState.Unavailable, repository.GetState(ModelNames.MnistZero));
        var exception = Assert.Throws<ModelUnavailableException>(() => repository.GetReady(ModelNames.MnistZero));
        Assert.Equal(ModelState.Unavailable, exception.State);
    }

    [Fact]
    public void Load_RepositoryMissing_ThrowsListingThePlacesSearched()
    {
        var options = TestRepositories.RealOptions();
        options.ModelRepositoryPath = "no-such-model-folder";
        using var repository = TestRepositories.Create(options);

        var exception = Assert.Throws<ModelLoadException>(repository.Load);

        Assert.Contains("'no-such-model-folder' was not found", exception.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(new TestHostEnvironment().ContentRootPath, "no-such-model-folder"), exception.Message, StringComparison.Ordinal);
        Assert.Contains("Inference__ModelRepositoryPath", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetState_BeforeWarmUp_IsLoading()
    {
        using var repository = TestRepositories.Create(TestRepositories.RealOptions());

        repository.Load();

        Assert.False(repository.IsReady);
        Assert.Equal(ModelState.Loading, repository.GetState(ModelNames.MnistZero));
        Assert.Equal(ModelState.Unknown, repository.GetState("no-such-model"));
        Assert.False(repository.TryGetReady(ModelNames.MnistZero, out _));
    }

    [Fact]
    public void Run_ShapeAndDataDisagree_ThrowsInvalidTensor()
    {
        using var repository = TestRepositories.LoadReal(ModelNames.MnistZero);
        var model = repository.GetReady(ModelNames.MnistZero);

        var exception = Assert.Throws<InvalidTensorException>(() => model.Run(new float[783], [1, 1, 28, 28]));

        Assert.Contains("784 elements, but its data has 783", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WrongFixedDimension_ThrowsInvalidTensor()
    {
        using var repository = TestRepositories.LoadReal(ModelNames.MnistZero);
        var model = repository.GetReady(ModelNames.MnistZero);

        var exception = Assert.Throws<InvalidTensorException>(() => model.Run(new float[2 * 27 * 28], [2, 1, 27, 28]));

        Assert.Contains("expects [-1, 1, 28, 28]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WrongElementType_ThrowsInvalidTensor()
    {
        using var repository = TestRepositories.LoadReal(ModelNames.MnistZero);
        var model = repository.GetReady(ModelNames.MnistZero);

        var exception = Assert.Throws<InvalidTensorException>(() => model.Run(new double[784], [1, 1, 28, 28]));

        Assert.Contains("expects Float", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_RelativePath_SearchesUpward()
    {
        using var folder = new TemporaryFolder();
        var models = Directory.CreateDirectory(Path.Combine(folder.Path, "models")).FullName;
        var deep = Directory.CreateDirectory(Path.Combine(folder.Path, "src", "Api", "bin")).FullName;

        var found = ModelRepositoryLocator.Find("models", deep, "/", out var searched);

        Assert.Equal(models, found);
        Assert.Equal(Path.Combine(deep, "models"), searched[0]);
    }
}
