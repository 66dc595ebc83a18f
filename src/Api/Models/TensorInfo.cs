namespace SigmoidService.Api.Models;

/// <summary>An input or output of a model: its name, element type (such as <c>float32</c>) and shape, -1 where dynamic.</summary>
public sealed record TensorInfo(string Name, string Type, IReadOnlyList<long> Shape);
