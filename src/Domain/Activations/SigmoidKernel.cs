namespace SigmoidService.Domain.Activations;

internal static class SigmoidKernel
{
    public static void Evaluate(ReadOnlySpan<double> x, Span<double> values, Span<double> derivatives)
    {
        var sigmoid = new SigmoidActivation();
        for (var i = 0; i < x.Length; i++)
        {
            values[i] = sigmoid.Value(x[i]);
            derivatives[i] = sigmoid.Derivative(x[i]);
        }
    }

    public static void Evaluate(ReadOnlySpan<float> x, Span<float> values, Span<float> derivatives)
    {
        var sigmoid = new SigmoidActivation();
        for (var i = 0; i < x.Length; i++)
        {
            values[i] = (float)sigmoid.Value((double)x[i]);
            derivatives[i] = (float)sigmoid.Derivative((double)x[i]);
        }
    }
}
