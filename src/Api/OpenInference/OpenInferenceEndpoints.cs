using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime.Tensors;
using SigmoidService.Api.Infrastructure;
using SigmoidService.Api.Models;
using SigmoidService.Inference.Models;
using SigmoidService.Inference.Sentiment;

namespace SigmoidService.Api.OpenInference;

/// <summary>
/// The REST form of the Open Inference Protocol (KServe v2) on raw tensors, for every model: server and
/// model metadata, health, readiness and inference. Every error on these paths is the protocol's
/// <c>{"error": "..."}</c> body, malformed JSON and oversized bodies included, because the handlers read
/// the body themselves instead of leaving it to the framework's binding.
/// </summary>
public static class OpenInferenceEndpoints
{
    private const string Platform = "onnxruntime_onnx";

    /// <summary>snake_case by explicit names on the records, strict fields, and non-finite outputs as strings.</summary>
    internal static readonly JsonSerializerOptions Json = new()
    {
        // Error messages quote names with apostrophes; JSON needs no HTML escaping of them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    // One latent point of mnist-vae-decoder: short enough to read, unlike a 784-number mnist-zero image.
    private static readonly object InferExample = new
    {
        inputs = new[] { new { name = "latent", shape = new[] { 1, 2 }, datatype = "FP32", data = new[] { 0.5, -1.0 } } },
        outputs = new[] { new { name = "pixels" } },
    };

    public static RouteGroupBuilder MapOpenInference(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v2").WithTags("Open Inference Protocol").AddEndpointFilter<OpenInferenceRejectionFilter>();

        group.MapGet("/", ServerMetadata)
            .WithName("OpenInferenceServerMetadata")
            .WithSummary("Server metadata (Open Inference Protocol)");
        group.MapGet("/health/live", Live)
            .WithName("OpenInferenceLive")
            .WithSummary("Liveness (Open Inference Protocol)");
        group.MapGet("/health/ready", Ready)
            .WithName("OpenInferenceReady")
            .WithSummary("Readiness: 200 once every model is warmed up, 503 before (Open Inference Protocol)");

        foreach (var prefix in new[] { "/models/{name}", "/models/{name}/versions/{version}" })
        {
            var versioned = prefix.Contains("{version}", StringComparison.Ordinal) ? "Version" : string.Empty;
            group.MapGet(prefix, ModelMetadata)
                .WithName($"OpenInferenceModelMetadata{versioned}")
                .WithSummary("Model metadata: inputs and outputs with datatypes and shapes (Open Inference Protocol)")
                .Produces<OpenInferenceError>(StatusCodes.Status404NotFound);
            group.MapGet($"{prefix}/ready", ModelReady)
                .WithName($"OpenInferenceModelReady{versioned}")
                .WithSummary("Model readiness (Open Inference Protocol)")
                .Produces<OpenInferenceError>(StatusCodes.Status404NotFound);
            group.MapPost($"{prefix}/infer", Infer)
                .WithName($"OpenInferenceInfer{versioned}")
                .WithSummary("Runs the model on raw tensors (Open Inference Protocol)")
                .WithDescription("Body {\"inputs\": [{\"name\", \"shape\", \"datatype\", \"data\"}], \"outputs\": [{\"name\"}]} with data "
                    + "flat or nested in row-major order. Answers {\"model_name\", \"model_version\", \"outputs\": [{\"name\", "
                    + "\"datatype\", \"shape\", \"data\"}]}; errors are {\"error\": \"...\"}. The example fits mnist-vae-decoder: "
                    + "one latent point, FP32 [1, 2], decoded to 784 pixels. mnist-zero takes \"image\" FP32 [N, 1, 28, 28].")
                .Accepts<InferenceRequest>("application/json")
                .WithRequestExample(InferExample)
                .Produces<InferenceResponse>()
                .Produces<OpenInferenceError>(StatusCodes.Status400BadRequest)
                .Produces<OpenInferenceError>(StatusCodes.Status404NotFound)
                .Produces<OpenInferenceError>(StatusCodes.Status413PayloadTooLarge)
                .Produces<OpenInferenceError>(StatusCodes.Status503ServiceUnavailable)
                // The handler bounds the body itself so that an oversized one is rejected in the protocol's form.
                .WithMetadata(new UploadSizeLimit(long.MaxValue));
        }

        group.MapFallback("{**path}", UnknownPath).ExcludeFromDescription();
        return group;
    }

    internal static JsonHttpResult<ServerMetadataResponse> ServerMetadata()
    {
        var version = typeof(OpenInferenceEndpoints).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0";
        return TypedResults.Json(new ServerMetadataResponse("sigmoid-service", version, []), Json);
    }

    internal static JsonHttpResult<LiveResponse> Live() => TypedResults.Json(new LiveResponse(true), Json);

    internal static JsonHttpResult<ReadyResponse> Ready(ModelRepository repository) =>
        TypedResults.Json(new ReadyResponse(repository.IsReady), Json,
            statusCode: repository.IsReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);

    internal static Results<JsonHttpResult<ModelMetadataResponse>, JsonHttpResult<OpenInferenceError>> ModelMetadata(
        string name, string? version, ModelRepository repository)
    {
        if (FindModel(name, version, repository, out var model) is { } error)
        {
            return error;
        }

        return TypedResults.Json(
            new ModelMetadataResponse(
                model.Name,
                [model.Version],
                Platform,
                [.. model.Inputs.Select(Describe)],
                [.. model.Outputs.Select(Describe)]),
            Json);
    }

    internal static Results<JsonHttpResult<ModelReadyResponse>, JsonHttpResult<OpenInferenceError>> ModelReady(
        string name, string? version, ModelRepository repository)
    {
        if (FindModel(name, version, repository, out var model) is { } error)
        {
            return error;
        }

        var ready = repository.GetState(model.Name) == ModelState.Ready;
        return TypedResults.Json(new ModelReadyResponse(model.Name, ready), Json,
            statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    internal static async Task<Results<JsonHttpResult<InferenceResponse>, JsonHttpResult<OpenInferenceError>>> Infer(
        string name,
        string? version,
        HttpRequest request,
        ModelRepository repository,
        IOptions<ServiceLimitsOptions> limits,
        CancellationToken cancellationToken)
    {
        if (FindModel(name, version, repository, out var model) is { } notFound)
        {
            return notFound;
        }

        if (repository.GetState(model.Name) != ModelState.Ready)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, $"Model '{model.Name}' is not ready yet; retry in a moment.");
        }

        var (body, bodyError) = await ReadBodyAsync(request, limits.Value.MaxJsonBodyBytes, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        if (body?.Inputs is not { Count: > 0 } inputs)
        {
            return Error(StatusCodes.Status400BadRequest, "The request needs 'inputs': one or more tensors with name, shape, datatype and data.");
        }

        var (tensors, inputError) = ReadInputs(inputs, model, limits.Value.MaxNumbersPerRequest);
        if (inputError is not null)
        {
            return Error(StatusCodes.Status400BadRequest, inputError);
        }

        var outputNames = new List<string>();
        foreach (var output in body.Outputs ?? [])
        {
            if (output?.Name is not { Length: > 0 } outputName)
            {
                return Error(StatusCodes.Status400BadRequest, "Every requested output needs a 'name'.");
            }

            outputNames.Add(outputName);
        }

        try
        {
            var results = model.Run(tensors, outputNames);
            var outputs = results
                .Select(tensor => new InferenceResponseOutput(tensor.Name, OpenInferenceDatatypes.NameOf(tensor.ElementType), tensor.Shape, tensor.Data))
                .ToList();
            return TypedResults.Json(new InferenceResponse(model.Name, model.Version, body.Id, outputs), Json);
        }
        catch (InvalidTensorException exception)
        {
            return Error(StatusCodes.Status400BadRequest, exception.Message);
        }
    }

    /// <summary>
    /// Handles every other /v2 request, including an inference request that routing turned away because its
    /// Content-Type is not JSON.
    /// </summary>
    internal static JsonHttpResult<OpenInferenceError> UnknownPath(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Value?.EndsWith("/infer", StringComparison.Ordinal) == true
            ? Error(StatusCodes.Status415UnsupportedMediaType,
                $"Send the inference request as application/json, not '{request.ContentType}'.")
            : Error(StatusCodes.Status404NotFound, $"There is no Open Inference Protocol endpoint at {request.Method} {request.Path}.");

    private static JsonHttpResult<OpenInferenceError> Error(int statusCode, string message) =>
        TypedResults.Json(new OpenInferenceError(message), Json, statusCode: statusCode);

    private static JsonHttpResult<OpenInferenceError>? FindModel(string name, string? version, ModelRepository repository, out OnnxModel model)
    {
        model = null!;
        if (repository.Find(name) is not { } found)
        {
            return repository.GetState(name) == ModelState.Unavailable
                ? Error(StatusCodes.Status503ServiceUnavailable, $"Model '{name}' is not available on this server.")
                : Error(StatusCodes.Status404NotFound, $"Model '{name}' not found.");
        }

        if (version is not null && version != found.Version)
        {
            return Error(StatusCodes.Status404NotFound, $"Model '{name}' has no version '{version}'; version '{found.Version}' is loaded.");
        }

        model = found;
        return null;
    }

    /// <summary>Reads and parses the body, at most <paramref name="limit"/> bytes, returning any failure in the protocol's form.</summary>
    private static async Task<(InferenceRequest? Body, JsonHttpResult<OpenInferenceError>? Error)> ReadBodyAsync(
        HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var tooLarge = Error(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the limit of {limit} bytes.");
        if (request.ContentLength > limit)
        {
            return (null, tooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, tooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var body = JsonSerializer.Deserialize<InferenceRequest>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Json);
            return body is null
                ? (null, Error(StatusCodes.Status400BadRequest, "The request body is empty; send an inference request object."))
                : (body, null);
        }
        catch (JsonException exception)
        {
            var where = exception.Path is { Length: > 1 } path ? $" at {path}" : string.Empty;
            var line = exception.LineNumber is { } number ? $" (line {number + 1}, byte {exception.BytePositionInLine + 1})" : string.Empty;
            return (null, Error(StatusCodes.Status400BadRequest, $"The request body is not a valid inference request{where}{line}."));
        }
    }

    private static (List<ModelTensor> Tensors, string? Error) ReadInputs(IReadOnlyList<InferenceRequestInput?> inputs, OnnxModel model, long maxNumbers)
    {
        var tensors = new List<ModelTensor>(inputs.Count);
        var total = 0L;
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (input?.Name is not { Length: > 0 } name)
            {
                return (tensors, $"Input {i} needs a 'name'.");
            }

            if (input.Datatype is not { } datatype || !OpenInferenceDatatypes.TryParse(datatype, out var elementType))
            {
                return (tensors, $"Input '{name}' has datatype '{input.Datatype}', which is not one of {string.Join(", ", OpenInferenceDatatypes.Names)}.");
            }

            if (model.Inputs.FirstOrDefault(declared => declared.Name == name) is not { } declared)
            {
                return (tensors, $"Model '{model.Name}' has no input named '{name}'; its inputs are {string.Join(", ", model.Inputs.Select(known => $"'{known.Name}'"))}.");
            }

            if (declared.ElementType != elementType)
            {
                return (tensors, $"Input '{name}' has datatype {datatype}, but model '{model.Name}' expects {OpenInferenceDatatypes.NameOf(declared.ElementType)}.");
            }

            if (input.Shape is not { Count: > 0 } shape || shape.Any(dimension => dimension < 0))
            {
                return (tensors, $"Input '{name}' needs a 'shape' of one or more non-negative dimensions.");
            }

            long count;
            try
            {
                count = shape.Aggregate(1L, (product, dimension) => checked(product * dimension));
            }
            catch (OverflowException)
            {
                return (tensors, $"Input '{name}' has a shape whose element count overflows.");
            }

            total += count;
            if (count > maxNumbers || total > maxNumbers)
            {
                return (tensors, $"The inputs hold more than {maxNumbers} elements, the limit per request.");
            }

            if (input.Data is not { } data)
            {
                return (tensors, $"Input '{name}' needs 'data'.");
            }

            if (elementType is TensorElementType.String or TensorElementType.Float16)
            {
                return (tensors, $"Input '{name}' has datatype {datatype}, which this server cannot read from JSON.");
            }

            var values = TensorDataReader.Read(data, name, elementType, count, out var error);
            if (values is null)
            {
                return (tensors, error);
            }

            // Out-of-range ids would index past the embedding table, and negative ones would silently wrap.
            if (values is long[] ids && model.TryGetPreprocessor<ReviewTokenizer>(out var tokenizer)
                && Array.FindIndex(ids, id => id < 0 || id >= tokenizer.VocabularySize) is var bad and >= 0)
            {
                return (tensors, $"Input '{name}' has token id {ids[bad]} at element {bad}; ids must lie in [0, {tokenizer.VocabularySize - 1}].");
            }

            tensors.Add(new ModelTensor(name, elementType, [.. shape], values));
        }

        return (tensors, null);
    }

    private static MetadataTensor Describe(TensorDescription tensor) =>
        new(tensor.Name, OpenInferenceDatatypes.NameOf(tensor.ElementType), tensor.Shape);
}
