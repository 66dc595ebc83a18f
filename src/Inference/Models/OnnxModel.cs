using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace SigmoidService.Inference.Models;

/// <summary>
/// One ONNX model of the repository with its card and a single <see cref="InferenceSession"/> that every
/// request shares: ONNX Runtime documents <c>Run</c> as safe to call from many threads at once. Inputs are
/// passed as managed arrays that are pinned for the call through <see cref="OrtValue"/>; every native
/// value created here is disposed before the method returns, and outputs are copied to managed arrays.
/// </summary>
public sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly SessionOptions _sessionOptions;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private object? _preprocessor;

    private OnnxModel(
        string name,
        string version,
        string modelPath,
        string sha256,
        ModelCard card,
        InferenceSession session,
        SessionOptions sessionOptions)
    {
        Name = name;
        Version = version;
        ModelPath = modelPath;
        Sha256 = sha256;
        Card = card;
        _session = session;
        _sessionOptions = sessionOptions;
        _inputNames = [.. session.InputNames];
        _outputNames = [.. session.OutputNames];
        Inputs = [.. _inputNames.Select(input => Describe(input, session.InputMetadata[input]))];
        Outputs = [.. _outputNames.Select(output => Describe(output, session.OutputMetadata[output]))];
    }

    public string Name { get; }

    public string Version { get; }

    /// <summary>The full path of <c>model.onnx</c>.</summary>
    public string ModelPath { get; }

    /// <summary>The folder that contains the model, its card and any extra files such as a vocabulary.</summary>
    public string Directory => Path.GetDirectoryName(ModelPath)!;

    /// <summary>The SHA-256 of the loaded bytes, lower-case hex; equal to the card's <c>onnxSha256</c>.</summary>
    public string Sha256 { get; }

    public ModelCard Card { get; }

    /// <summary>The graph inputs in declaration order.</summary>
    public IReadOnlyList<TensorDescription> Inputs { get; }

    /// <summary>The graph outputs in declaration order.</summary>
    public IReadOnlyList<TensorDescription> Outputs { get; }

    /// <summary>Attaches the object that turns requests into this model's input, such as a tokenizer.</summary>
    public void SetPreprocessor(object preprocessor) => _preprocessor = preprocessor;

    /// <summary>Returns the attached preprocessor when it is of type <typeparamref name="T"/>.</summary>
    public bool TryGetPreprocessor<T>(out T preprocessor)
        where T : class
    {
        preprocessor = (_preprocessor as T)!;
        return _preprocessor is T;
    }

    /// <summary>Returns the attached preprocessor.</summary>
    /// <exception cref="InvalidOperationException">No preprocessor of that type is attached.</exception>
    public T GetPreprocessor<T>()
        where T : class =>
        _preprocessor as T ?? throw new InvalidOperationException($"The model '{Name}' has no {typeof(T).Name} attached.");

    /// <summary>
    /// Reads <c>model.onnx</c> and <c>card.json</c> from <paramref name="directory"/>, checks the file's
    /// SHA-256 against the card and creates the session from the very bytes that were checked.
    /// </summary>
    /// <exception cref="ModelLoadException">A file is missing or unreadable, the hashes differ, or ONNX Runtime rejects the model.</exception>
    public static OnnxModel Load(string name, string version, string directory, InferenceOptions options)
    {
        var modelPath = Path.Combine(directory, "model.onnx");
        var cardPath = Path.Combine(directory, "card.json");

        var card = ReadCard(cardPath);
        var bytes = ReadModel(modelPath);

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (card.OnnxSha256 is not { Length: > 0 } expected)
        {
            throw new ModelLoadException($"The model card {cardPath} has no onnxSha256, so {modelPath} cannot be verified.");
        }

        if (!string.Equals(expected, sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelLoadException(
                $"The SHA-256 of {modelPath} is {sha256}, but {cardPath} gives {expected}; the file is corrupt or does not belong to the card.");
        }

        var sessionOptions = CreateSessionOptions(options);
        try
        {
            var session = new InferenceSession(bytes, sessionOptions);
            return new OnnxModel(name, version, modelPath, sha256, card, session, sessionOptions);
        }
        catch (OnnxRuntimeException exception)
        {
            sessionOptions.Dispose();
            throw new ModelLoadException($"ONNX Runtime cannot load {modelPath}: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// Runs a model that has one input and a float first output, such as the sigmoid classifiers.
    /// </summary>
    /// <returns>The first output, row-major, and its shape.</returns>
    /// <exception cref="InvalidTensorException">The data does not fit the declared input.</exception>
    public (float[] Data, long[] Shape) Run<T>(T[] input, long[] shape)
        where T : unmanaged
    {
        var declared = Inputs[0];
        CheckInput(declared, ElementTypeOf<T>(), shape, input.Length);

        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        try
        {
            using var results = _session.Run(runOptions, [declared.Name], [value], [_outputNames[0]]);
            var output = results[0];
            var outputShape = output.GetTensorTypeAndShape().Shape;
            return (output.GetTensorDataAsSpan<float>().ToArray(), outputShape);
        }
        catch (OnnxRuntimeException exception)
        {
            throw Rejected(exception);
        }
    }

    /// <summary>
    /// Runs the model on named tensors of any supported element type and returns the requested outputs
    /// (every output when <paramref name="outputNames"/> is null or empty), in the order requested.
    /// </summary>
    /// <exception cref="InvalidTensorException">An input is unknown, missing, or does not fit its declaration, or an output name is unknown.</exception>
    public IReadOnlyList<ModelTensor> Run(IReadOnlyList<ModelTensor> inputs, IReadOnlyList<string>? outputNames = null)
    {
        var names = CheckInputs(inputs);
        var outputs = CheckOutputNames(outputNames);

        var values = new List<OrtValue>(inputs.Count);
        try
        {
            foreach (var input in inputs)
            {
                values.Add(CreateValue(input));
            }

            using var runOptions = new RunOptions();
            using var results = _session.Run(runOptions, names, values, outputs);
            return [.. results.Select((result, i) => ReadValue(outputs[i], result))];
        }
        catch (OnnxRuntimeException exception)
        {
            throw Rejected(exception);
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    /// <summary>
    /// Runs the model once on an input of batch size 1 filled with zeros (the smallest token id or pixel),
    /// so that ONNX Runtime allocates its buffers and picks its kernels before the first request.
    /// </summary>
    public void WarmUp()
    {
        var inputs = Inputs
            .Select(input =>
            {
                var shape = input.Shape.Select(dimension => dimension < 0 ? 1L : dimension).ToArray();
                var length = checked((int)shape.Aggregate(1L, (product, dimension) => product * dimension));
                return new ModelTensor(input.Name, input.ElementType, shape, CreateArray(input.ElementType, length));
            })
            .ToList();
        _ = Run(inputs);
    }

    public void Dispose()
    {
        _session.Dispose();
        _sessionOptions.Dispose();
    }

    /// <summary>Checks an input's element type, rank, fixed dimensions and data length against its declaration.</summary>
    /// <exception cref="InvalidTensorException">The input does not fit.</exception>
    public static void CheckInput(TensorDescription declared, TensorElementType elementType, IReadOnlyList<long> shape, long length)
    {
        if (elementType != declared.ElementType)
        {
            throw new InvalidTensorException(
                $"Input '{declared.Name}' has element type {elementType}, but the model expects {declared.ElementType}.");
        }

        if (shape.Count != declared.Shape.Count)
        {
            throw new InvalidTensorException(
                $"Input '{declared.Name}' has {shape.Count} dimensions, but the model expects {declared.Shape.Count}: [{Format(declared.Shape)}].");
        }

        long product = 1;
        for (var i = 0; i < shape.Count; i++)
        {
            if (shape[i] < 1)
            {
                throw new InvalidTensorException($"Input '{declared.Name}' has dimension {i} of size {shape[i]}; every dimension must be at least 1.");
            }

            if (declared.Shape[i] >= 0 && shape[i] != declared.Shape[i])
            {
                throw new InvalidTensorException(
                    $"Input '{declared.Name}' has shape [{Format(shape)}], but the model expects [{Format(declared.Shape)}] (-1 is any size).");
            }

            product = checked(product * shape[i]);
        }

        if (product != length)
        {
            throw new InvalidTensorException(
                $"Input '{declared.Name}' has shape [{Format(shape)}], which holds {product} elements, but its data has {length}.");
        }
    }

    private string[] CheckInputs(IReadOnlyList<ModelTensor> inputs)
    {
        var names = new string[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var declared = Inputs.FirstOrDefault(candidate => candidate.Name == input.Name)
                ?? throw new InvalidTensorException(
                    $"The model has no input named '{input.Name}'; its inputs are {string.Join(", ", _inputNames.Select(n => $"'{n}'"))}.");
            if (Array.IndexOf(names, input.Name, 0, i) >= 0)
            {
                throw new InvalidTensorException($"Input '{input.Name}' is given more than once.");
            }

            CheckInput(declared, input.ElementType, input.Shape, input.Data.LongLength);
            names[i] = input.Name;
        }

        var missing = _inputNames.Except(names, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidTensorException($"The model needs input {string.Join(", ", missing.Select(n => $"'{n}'"))}, which is missing.");
        }

        return names;
    }

    private string[] CheckOutputNames(IReadOnlyList<string>? outputNames)
    {
        if (outputNames is null || outputNames.Count == 0)
        {
            return _outputNames;
        }

        foreach (var name in outputNames)
        {
            if (Array.IndexOf(_outputNames, name) < 0)
            {
                throw new InvalidTensorException(
                    $"The model has no output named '{name}'; its outputs are {string.Join(", ", _outputNames.Select(n => $"'{n}'"))}.");
            }
        }

        return [.. outputNames];
    }

    private static OrtValue CreateValue(ModelTensor tensor) => tensor.Data switch
    {
        float[] data => OrtValue.CreateTensorValueFromMemory(data, tensor.Shape),
        double[] data => OrtValue.CreateTensorValueFromMemory(data, tensor.Shape),
        sbyte[] data => OrtValue.CreateTensorValueFromMemory(data, tensor.Shape),
        short[] data => OrtValue.CreateTensorValueFromMemory(data, tensor.Shape),
        int[] data => OrtValue.CreateTensorValueFromMemory(data, tensor.Shape),
        long[] data => OrtValue.CreateTensorValueFromMemory(data, tensor.Shape),
        byte[] data => OrtValue.CreateTensorValueFromMemory(data, tensor.Shape),
        ushort[] data => OrtValue.CreateTensorValueFromMemory(data, tensor.Shape),
        uint[] data => OrtValue.CreateTensorValueFromMemory(data, tensor.Shape),
        ulong[] data => OrtValue.CreateTensorValueFromMemory(data, tensor.Shape),
        bool[] data => OrtValue.CreateTensorValueFromMemory(data, tensor.Shape),
        _ => throw new InvalidTensorException($"Input '{tensor.Name}' is a {tensor.Data.GetType().Name}, which is not a supported tensor type."),
    };

    private static ModelTensor ReadValue(string name, OrtValue value)
    {
        var info = value.GetTensorTypeAndShape();
        Array data = info.ElementDataType switch
        {
            TensorElementType.Float => value.GetTensorDataAsSpan<float>().ToArray(),
            TensorElementType.Double => value.GetTensorDataAsSpan<double>().ToArray(),
            TensorElementType.Int8 => value.GetTensorDataAsSpan<sbyte>().ToArray(),
            TensorElementType.Int16 => value.GetTensorDataAsSpan<short>().ToArray(),
            TensorElementType.Int32 => value.GetTensorDataAsSpan<int>().ToArray(),
            TensorElementType.Int64 => value.GetTensorDataAsSpan<long>().ToArray(),
            TensorElementType.UInt8 => value.GetTensorDataAsSpan<byte>().ToArray(),
            TensorElementType.UInt16 => value.GetTensorDataAsSpan<ushort>().ToArray(),
            TensorElementType.UInt32 => value.GetTensorDataAsSpan<uint>().ToArray(),
            TensorElementType.UInt64 => value.GetTensorDataAsSpan<ulong>().ToArray(),
            TensorElementType.Bool => value.GetTensorDataAsSpan<bool>().ToArray(),
            var other => throw new NotSupportedException($"Output '{name}' has element type {other}, which the service cannot return."),
        };
        return new ModelTensor(name, info.ElementDataType, info.Shape, data);
    }

    /// <summary>Creates a zero-filled managed array for an element type.</summary>
    public static Array CreateArray(TensorElementType elementType, int length) => elementType switch
    {
        TensorElementType.Float => new float[length],
        TensorElementType.Double => new double[length],
        TensorElementType.Int8 => new sbyte[length],
        TensorElementType.Int16 => new short[length],
        TensorElementType.Int32 => new int[length],
        TensorElementType.Int64 => new long[length],
        TensorElementType.UInt8 => new byte[length],
        TensorElementType.UInt16 => new ushort[length],
        TensorElementType.UInt32 => new uint[length],
        TensorElementType.UInt64 => new ulong[length],
        TensorElementType.Bool => new bool[length],
        _ => throw new NotSupportedException($"Element type {elementType} is not supported."),
    };

    private static TensorElementType ElementTypeOf<T>()
        where T : unmanaged => default(T) switch
        {
            float => TensorElementType.Float,
            double => TensorElementType.Double,
            sbyte => TensorElementType.Int8,
            short => TensorElementType.Int16,
            int => TensorElementType.Int32,
            long => TensorElementType.Int64,
            byte => TensorElementType.UInt8,
            ushort => TensorElementType.UInt16,
            uint => TensorElementType.UInt32,
            ulong => TensorElementType.UInt64,
            bool => TensorElementType.Bool,
            _ => throw new NotSupportedException($"{typeof(T).Name} is not a supported tensor element type."),
        };

    private static TensorDescription Describe(string name, NodeMetadata metadata) =>
        new(
            name,
            metadata.ElementDataType,
            [.. metadata.Dimensions.Select(dimension => (long)dimension)],
            [.. metadata.SymbolicDimensions.Select(symbol => symbol ?? string.Empty)]);

    private static SessionOptions CreateSessionOptions(InferenceOptions options)
    {
        var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = options.InterOpThreads,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = options.GraphOptimizationLevel switch
            {
                ModelGraphOptimization.Disabled => GraphOptimizationLevel.ORT_DISABLE_ALL,
                ModelGraphOptimization.Basic => GraphOptimizationLevel.ORT_ENABLE_BASIC,
                ModelGraphOptimization.Extended => GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
                _ => GraphOptimizationLevel.ORT_ENABLE_ALL,
            },
        };
        return sessionOptions;
    }

    private static ModelCard ReadCard(string cardPath)
    {
        try
        {
            return ModelCard.Parse(File.ReadAllText(cardPath));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ModelLoadException($"The model card {cardPath} cannot be read: {exception.Message}", exception);
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new ModelLoadException($"The model card {cardPath} is not valid JSON: {exception.Message}", exception);
        }
    }

    private static byte[] ReadModel(string modelPath)
    {
        try
        {
            return File.ReadAllBytes(modelPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ModelLoadException($"The model file {modelPath} cannot be read: {exception.Message}", exception);
        }
    }

    private static string Format(IEnumerable<long> shape) => string.Join(", ", shape);

    // Inputs are checked against the declared types and shapes first, so a failing run means values the
    // graph cannot take, such as a token id past the end of an embedding table.
    private InvalidTensorException Rejected(OnnxRuntimeException exception) =>
        new($"Model '{Name}' cannot run on this input: {exception.Message}", exception);
}
