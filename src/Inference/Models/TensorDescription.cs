using Microsoft.ML.OnnxRuntime.Tensors;

namespace SigmoidService.Inference.Models;

/// <summary>
/// One input or output of a model as its ONNX graph declares it.
/// </summary>
/// <param name="Name">The graph's name for the tensor.</param>
/// <param name="ElementType">The element type, such as <see cref="TensorElementType.Float"/>.</param>
/// <param name="Shape">The dimensions, with -1 for a dynamic one such as the batch size.</param>
/// <param name="SymbolicShape">The symbolic name of each dynamic dimension (empty where fixed).</param>
public sealed record TensorDescription(
    string Name,
    TensorElementType ElementType,
    IReadOnlyList<long> Shape,
    IReadOnlyList<string> SymbolicShape)
{
    /// <summary>The count of elements per batch item: the product of every dimension after the first.</summary>
    public long ElementsPerItem
    {
        get
        {
            long count = 1;
            for (var i = 1; i < Shape.Count; i++)
            {
                count *= Shape[i] < 0 ? 1 : Shape[i];
            }

            return count;
        }
    }
}
