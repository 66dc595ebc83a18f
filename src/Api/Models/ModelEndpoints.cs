using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.ML.OnnxRuntime.Tensors;
using SigmoidService.Api.Infrastructure;
using SigmoidService.Inference.Models;

namespace SigmoidService.Api.Models;

/// <summary>
/// The ONNX models: their metadata, and the prediction and generation endpoints built on them.
/// </summary>
public static class ModelEndpoints
{
    public static RouteGroupBuilder MapModels(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/models").WithTags("Models");

        group.MapGet("/", ListModels)
            .WithName("ListModels")
            .WithSummary("Lists the loaded models")
            .WithDescription("Every model of the repository with its version, task, input and output tensors, "
                + "the SHA-256 of its ONNX file, its decision threshold and the validation metrics of its model card.");

        group.MapGet("/{name}", GetModel)
            .WithName("GetModel")
            .WithSummary("Describes one model")
            .WithDescription("The model's version, task, tensors, SHA-256, threshold and validation metrics; 404 for an unknown name.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDigitPrediction();
        group.MapSentimentPrediction();
        group.MapDigitGeneration();
        return group;
    }

    internal static Ok<IReadOnlyList<ModelDescription>> ListModels(ModelRepository repository) =>
        TypedResults.Ok<IReadOnlyList<ModelDescription>>([.. repository.Models.Select(model => Describe(model, repository))]);

    internal static Results<Ok<ModelDescription>, ProblemHttpResult> GetModel(string name, ModelRepository repository) =>
        repository.Find(name) is { } model
            ? TypedResults.Ok(Describe(model, repository))
            : Problems.NotFound("Model not found", $"There is no loaded model named '{name}'; GET /api/v1/models lists them.");

    /// <summary>The problem for a model that cannot serve: 404 when unknown, 503 while warming up or when unavailable.</summary>
    internal static ProblemHttpResult Unavailable(ModelUnavailableException exception) =>
        exception.State == ModelState.Unknown
            ? Problems.NotFound("Model not found", exception.Message)
            : Problems.NotReady(exception.Message);

    /// <summary>The NumPy name of an element type, as model cards write it.</summary>
    internal static string TypeName(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float32",
        TensorElementType.Double => "float64",
        TensorElementType.Float16 => "float16",
        TensorElementType.BFloat16 => "bfloat16",
        TensorElementType.Int8 => "int8",
        TensorElementType.Int16 => "int16",
        TensorElementType.Int32 => "int32",
        TensorElementType.Int64 => "int64",
        TensorElementType.UInt8 => "uint8",
        TensorElementType.UInt16 => "uint16",
        TensorElementType.UInt32 => "uint32",
        TensorElementType.UInt64 => "uint64",
        TensorElementType.Bool => "bool",
        TensorElementType.String => "string",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static ModelDescription Describe(OnnxModel model, ModelRepository repository) =>
        new(
            model.Name,
            model.Version,
            model.Card.Task,
            repository.GetState(model.Name).ToString().ToLowerInvariant(),
            [.. model.Inputs.Select(Describe)],
            [.. model.Outputs.Select(Describe)],
            model.Sha256,
            model.Card.Threshold,
            model.Card.Metrics);

    private static TensorInfo Describe(TensorDescription tensor) => new(tensor.Name, TypeName(tensor.ElementType), tensor.Shape);
}
