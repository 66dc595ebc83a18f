using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SigmoidService.Inference.Models;

/// <summary>
/// The models of the repository folder (<c>&lt;name&gt;/&lt;version&gt;/model.onnx</c> with <c>card.json</c>),
/// loaded once at start and shared by every request. It owns the sessions and disposes them with itself.
/// </summary>
public sealed partial class ModelRepository : IDisposable
{
    private readonly InferenceOptions _options;
    private readonly string? _contentRoot;
    private readonly ILogger<ModelRepository> _logger;
    private readonly IModelPreparer[] _preparers;
    private readonly ConcurrentDictionary<string, OnnxModel> _models = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ModelState> _states = new(StringComparer.Ordinal);
    private volatile bool _warmedUp;

    public ModelRepository(
        IOptions<InferenceOptions> options,
        IHostEnvironment environment,
        ILogger<ModelRepository> logger,
        IEnumerable<IModelPreparer> preparers)
    {
        _options = options.Value;
        _contentRoot = environment.ContentRootPath;
        _logger = logger;
        _preparers = [.. preparers];
    }

    /// <summary>The resolved repository folder; null before <see cref="Load"/> or when none was found.</summary>
    public string? RepositoryPath { get; private set; }

    /// <summary>True once every loaded model has been warmed up.</summary>
    public bool IsReady => _warmedUp;

    /// <summary>The loaded models, ready or still warming up, ordered by name.</summary>
    public IReadOnlyList<OnnxModel> Models => [.. _models.Values.OrderBy(model => model.Name, StringComparer.Ordinal)];

    /// <summary>The state of every model that is configured or was found, by name.</summary>
    public IReadOnlyDictionary<string, ModelState> States => _states;

    public ModelState GetState(string name) => _states.TryGetValue(name, out var state) ? state : ModelState.Unknown;

    /// <summary>Returns the model when it is loaded, whether or not it is warmed up yet.</summary>
    public OnnxModel? Find(string name) => _models.GetValueOrDefault(name);

    /// <summary>Returns the model when it is loaded and warmed up.</summary>
    public bool TryGetReady(string name, out OnnxModel model)
    {
        if (GetState(name) == ModelState.Ready && _models.TryGetValue(name, out var loaded))
        {
            model = loaded;
            return true;
        }

        model = null!;
        return false;
    }

    /// <summary>Returns the model when it is loaded and warmed up.</summary>
    /// <exception cref="ModelUnavailableException">The model is unknown, warming up, or unavailable.</exception>
    public OnnxModel GetReady(string name) =>
        TryGetReady(name, out var model) ? model : throw new ModelUnavailableException(name, GetState(name));

    /// <summary>
    /// Finds the repository and loads every configured or discovered model, verifying each file against the
    /// SHA-256 of its card.
    /// </summary>
    /// <exception cref="ModelLoadException">A required model is missing or cannot be loaded; the message names each file.</exception>
    public void Load()
    {
        var path = ModelRepositoryLocator.Find(_options.ModelRepositoryPath, _contentRoot, AppContext.BaseDirectory, out var searched);
        RepositoryPath = path;

        var failures = new List<string>();
        var names = new SortedSet<string>(_options.Models.Keys, StringComparer.Ordinal);
        if (path is null)
        {
            var message = $"The model repository '{_options.ModelRepositoryPath}' was not found; looked in {string.Join(", ", searched)}. "
                + $"Set {InferenceOptions.SectionName}:ModelRepositoryPath (environment variable Inference__ModelRepositoryPath) to the folder that holds the models.";
            if (names.Any(name => !IsOptional(name)))
            {
                throw new ModelLoadException(message);
            }

            LogRepositoryMissing(_logger, message);
        }
        else
        {
            LogRepositoryFound(_logger, path);
            names.UnionWith(DiscoverModelNames(path));
        }

        foreach (var name in names)
        {
            try
            {
                LoadModel(path, name);
            }
            catch (ModelLoadException exception) when (IsOptional(name))
            {
                _states[name] = ModelState.Unavailable;
                LogOptionalModelSkipped(_logger, exception, name, exception.Message);
            }
            catch (ModelLoadException exception)
            {
                _states[name] = ModelState.Unavailable;
                failures.Add(exception.Message);
            }
        }

        if (failures.Count > 0)
        {
            throw new ModelLoadException(string.Join(Environment.NewLine, failures));
        }
    }

    /// <summary>
    /// Runs every loaded model once so that the first request does not pay for allocation and kernel
    /// selection, then marks the repository ready.
    /// </summary>
    /// <exception cref="ModelLoadException">A required model fails its warm-up run.</exception>
    public void WarmUp()
    {
        foreach (var model in Models)
        {
            var stopwatch = Stopwatch.StartNew();
            try
            {
                model.WarmUp();
            }
            catch (InvalidTensorException exception) when (IsOptional(model.Name))
            {
                _states[model.Name] = ModelState.Unavailable;
                LogOptionalModelSkipped(_logger, exception, model.Name, $"The warm-up run of {model.ModelPath} failed: {exception.Message}");
                continue;
            }
            catch (InvalidTensorException exception)
            {
                _states[model.Name] = ModelState.Unavailable;
                throw new ModelLoadException($"The warm-up run of {model.ModelPath} failed: {exception.Message}", exception);
            }

            _states[model.Name] = ModelState.Ready;
            LogModelWarmedUp(_logger, model.Name, model.Version, stopwatch.Elapsed.TotalMilliseconds);
        }

        _warmedUp = true;
    }

    public void Dispose()
    {
        foreach (var model in _models.Values)
        {
            model.Dispose();
        }

        _models.Clear();
    }

    private void LoadModel(string? repositoryPath, string name)
    {
        if (repositoryPath is null)
        {
            throw new ModelLoadException($"The model '{name}' cannot be loaded because the model repository was not found.");
        }

        var modelFolder = Path.Combine(repositoryPath, name);
        var version = _options.Models.TryGetValue(name, out var modelOptions) && !string.IsNullOrEmpty(modelOptions.Version)
            ? modelOptions.Version
            : HighestVersion(modelFolder);
        if (version is null)
        {
            throw new ModelLoadException(
                $"The model '{name}' has no version folder with a model.onnx under {modelFolder} (expected {Path.Combine(modelFolder, "1", "model.onnx")}).");
        }

        var versionFolder = Path.Combine(modelFolder, version);
        if (!File.Exists(Path.Combine(versionFolder, "model.onnx")))
        {
            throw new ModelLoadException($"The model file {Path.Combine(versionFolder, "model.onnx")} does not exist.");
        }

        var stopwatch = Stopwatch.StartNew();
        var model = OnnxModel.Load(name, version, versionFolder, _options);
        if (model.Card.Name is { } cardName && cardName != name)
        {
            LogCardNameDiffers(_logger, Path.Combine(versionFolder, "card.json"), cardName, name);
        }

        try
        {
            foreach (var preparer in _preparers.Where(preparer => preparer.AppliesTo(model)))
            {
                preparer.Prepare(model);
            }
        }
        catch (ModelLoadException)
        {
            model.Dispose();
            throw;
        }

        _models[name] = model;
        _states[name] = ModelState.Loading;
        LogModelLoaded(_logger, name, version, model.Sha256, stopwatch.Elapsed.TotalMilliseconds);
    }

    private bool IsOptional(string name) => _options.Models.TryGetValue(name, out var model) && model.Optional;

    private static IEnumerable<string> DiscoverModelNames(string repositoryPath) =>
        Directory.EnumerateDirectories(repositoryPath)
            .Where(folder => !Path.GetFileName(folder).StartsWith('.') && HighestVersion(folder) is not null)
            .Select(folder => Path.GetFileName(folder));

    /// <summary>The highest numeric version folder that contains a model.onnx, or null.</summary>
    private static string? HighestVersion(string modelFolder)
    {
        if (!Directory.Exists(modelFolder))
        {
            return null;
        }

        return Directory.EnumerateDirectories(modelFolder)
            .Select(Path.GetFileName)
            .Where(version => version is { Length: > 0 and <= 9 } && version.All(char.IsAsciiDigit)
                && File.Exists(Path.Combine(modelFolder, version, "model.onnx")))
            .OrderByDescending(version => int.Parse(version!, CultureInfo.InvariantCulture))
            .FirstOrDefault();
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Model repository found at {Path}")]
    private static partial void LogRepositoryFound(ILogger logger, string path);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "{Message}")]
    private static partial void LogRepositoryMissing(ILogger logger, string message);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Loaded model {Model} version {Version} (SHA-256 {Sha256}) in {ElapsedMs:0.0} ms")]
    private static partial void LogModelLoaded(ILogger logger, string model, string version, string sha256, double elapsedMs);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Warmed up model {Model} version {Version} in {ElapsedMs:0.0} ms")]
    private static partial void LogModelWarmedUp(ILogger logger, string model, string version, double elapsedMs);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Optional model {Model} is unavailable: {Reason}")]
    private static partial void LogOptionalModelSkipped(ILogger logger, Exception exception, string model, string reason);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "The card {CardPath} names the model {CardName}, but its folder is {Model}; the folder name is used")]
    private static partial void LogCardNameDiffers(ILogger logger, string cardPath, string cardName, string model);
}
