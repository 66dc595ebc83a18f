namespace SigmoidService.Inference.Models;

/// <summary>Builds input shapes from a model's declared shape.</summary>
public static class BatchShapes
{
    /// <summary>
    /// The declared shape with its dynamic batch dimension set to <paramref name="batchSize"/> and any other
    /// dynamic dimension set from <paramref name="dynamicSizes"/>, in order.
    /// </summary>
    public static long[] For(TensorDescription input, int batchSize, params ReadOnlySpan<long> dynamicSizes)
    {
        var shape = new long[input.Shape.Count];
        var next = 0;
        for (var i = 0; i < shape.Length; i++)
        {
            if (input.Shape[i] >= 0)
            {
                shape[i] = input.Shape[i];
            }
            else if (i == 0)
            {
                shape[i] = batchSize;
            }
            else
            {
                shape[i] = next < dynamicSizes.Length ? dynamicSizes[next++]
                    : throw new InvalidTensorException($"Input '{input.Name}' has a dynamic dimension {i} whose size was not given.");
            }
        }

        return shape;
    }
}
