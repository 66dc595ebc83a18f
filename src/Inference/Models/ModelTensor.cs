using Microsoft.ML.OnnxRuntime.Tensors;

namespace SigmoidService.Inference.Models;

/// <summary>
/// A named tensor in managed memory: row-major <see cref="Data"/> whose element type matches
/// <see cref="ElementType"/> (a <c>float[]</c> for <see cref="TensorElementType.Float"/>, a <c>long[]</c> for
/// <see cref="TensorElementType.Int64"/>, and so on) and whose length is the product of <see cref="Shape"/>.
/// </summary>
public sealed record ModelTensor(string Name, TensorElementType ElementType, long[] Shape, Array Data);
