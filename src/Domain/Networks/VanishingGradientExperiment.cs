using System.Numerics.Tensors;
using SigmoidService.Domain.Randomness;

namespace SigmoidService.Domain.Networks;

/// <summary>
/// The experiment of Glorot and Bengio (2010), "Understanding the difficulty of training deep feedforward
/// neural networks": a deep fully connected network, freshly initialised, is run forward on a batch and the
/// loss gradient backward, and each layer's activations and back-propagated gradients are measured.
/// </summary>
/// <remarks>
/// <para>Network: <c>depth</c> hidden layers of <c>width</c> units, a_0 = X, z_l = a_(l-1) W_lᵀ + b_l,
/// a_l = f(z_l), with b_l = 0. Loss: L = (1 / 2N) Σ_s ||a_L,s - t_s||² against seeded targets t.</para>
/// <para>Random numbers, all from one <see cref="SeededRandom"/> seeded with <c>seed</c>, in this order:
/// X (N × width standard normals, row by row), t (N × width standard normals), then W_1 … W_depth, each
/// width × width uniform in ±bound row by row (rows are output units), with the bound of the chosen
/// <see cref="WeightInitialization"/>. A script can rebuild the same network from this description.</para>
/// <para>Dot products use TensorPrimitives, so sums may differ from PyTorch's in the last bits; the
/// committed PyTorch comparison holds to a relative 1e-9.</para>
/// </remarks>
public static class VanishingGradientExperiment
{
    /// <summary>Runs the experiment.</summary>
    /// <param name="activation">The hidden activation and its derivative.</param>
    /// <param name="depth">The count of hidden layers, at least 1.</param>
    /// <param name="width">The units per layer, which is also the input size, at least 1.</param>
    /// <param name="initialization">How the weights are drawn.</param>
    /// <param name="samples">The batch size N, at least 1.</param>
    /// <param name="seed">The seed of the inputs, targets and weights.</param>
    public static VanishingGradientResult Run(
        ScalarFunction activation, int depth, int width, WeightInitialization initialization, int samples, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);

        var random = new SeededRandom(seed);
        var inputs = new double[samples * width];
        random.FillNormal(inputs);
        var targets = new double[samples * width];
        random.FillNormal(targets);
        var weights = new double[depth][];
        var bound = Bound(initialization, width, width);
        for (var l = 0; l < depth; l++)
        {
            weights[l] = new double[width * width];
            random.FillUniform(weights[l], -bound, bound);
        }

        // activations[0] is the input; activations[l] and derivatives[l - 1] (f' at the pre-activations) belong to layer l.
        var activations = new double[depth + 1][];
        var derivatives = new double[depth][];
        activations[0] = inputs;
        for (var l = 0; l < depth; l++)
        {
            (activations[l + 1], derivatives[l]) = ForwardLayer(activations[l], weights[l], samples, width, activation);
        }

        var output = activations[depth];
        var gradient = new double[samples * width];
        var loss = 0.0;
        for (var i = 0; i < gradient.Length; i++)
        {
            var error = output[i] - targets[i];
            loss += error * error;
            gradient[i] = error / samples;
        }

        loss /= 2.0 * samples;

        var layers = new LayerStatistics[depth];
        for (var l = depth - 1; l >= 0; l--)
        {
            // gradient holds ∂L/∂a for layer l + 1; turn it into ∂L/∂z in place.
            TensorPrimitives.Multiply(gradient, derivatives[l], gradient);

            var weightGradientNorm = WeightGradientNorm(gradient, activations[l], samples, width);
            var (mean, std) = MeanAndStd(activations[l + 1]);
            layers[l] = new LayerStatistics(l + 1, mean, std, ScaledNorm(gradient), weightGradientNorm);
            if (l > 0)
            {
                gradient = BackwardThroughWeights(gradient, weights[l], samples, width);
            }
        }

        var ratio = layers[0].GradientNorm / layers[^1].GradientNorm;
        return new VanishingGradientResult(layers, ratio, loss);
    }

    /// <summary>Returns the half-width of the uniform weight distribution for a layer.</summary>
    public static double Bound(WeightInitialization initialization, int fanIn, int fanOut) => initialization switch
    {
        WeightInitialization.Standard => 1.0 / Math.Sqrt(fanIn),
        WeightInitialization.Xavier => Math.Sqrt(6.0 / (fanIn + fanOut)),
        WeightInitialization.He => Math.Sqrt(6.0 / fanIn),
        _ => throw new ArgumentOutOfRangeException(nameof(initialization), initialization, "Unknown initialisation."),
    };

    private static (double[] Activations, double[] Derivatives) ForwardLayer(
        double[] input, double[] weights, int samples, int width, ScalarFunction activation)
    {
        var z = new double[samples * width];
        for (var s = 0; s < samples; s++)
        {
            var row = input.AsSpan(s * width, width);
            for (var j = 0; j < width; j++)
            {
                z[(s * width) + j] = TensorPrimitives.Dot(row, weights.AsSpan(j * width, width));
            }
        }

        var a = new double[z.Length];
        var derivatives = new double[z.Length];
        activation.EvaluateAll(z, a, derivatives);
        return (a, derivatives);
    }

    // ∂L/∂a_(l-1) = ∂L/∂z_l · W_l, accumulated row by row of W so that every operation is a contiguous span.
    private static double[] BackwardThroughWeights(double[] gradient, double[] weights, int samples, int width)
    {
        var previous = new double[samples * width];
        for (var s = 0; s < samples; s++)
        {
            var destination = previous.AsSpan(s * width, width);
            for (var j = 0; j < width; j++)
            {
                var g = gradient[(s * width) + j];
                if (g != 0)
                {
                    TensorPrimitives.MultiplyAdd(weights.AsSpan(j * width, width), g, destination, destination);
                }
            }
        }

        return previous;
    }

    // ||∂L/∂W||_F with ∂L/∂W[j, :] = Σ_s ∂L/∂z[s, j] a[s, :], one row at a time to keep memory at O(width).
    private static double WeightGradientNorm(double[] gradient, double[] input, int samples, int width)
    {
        var rowNorms = new double[width];
        var row = new double[width];
        for (var j = 0; j < width; j++)
        {
            Array.Clear(row);
            for (var s = 0; s < samples; s++)
            {
                var g = gradient[(s * width) + j];
                if (g != 0)
                {
                    TensorPrimitives.MultiplyAdd(input.AsSpan(s * width, width), g, row, row);
                }
            }

            rowNorms[j] = ScaledNorm(row);
        }

        return ScaledNorm(rowNorms);
    }

    // The Euclidean norm computed on values divided by their largest magnitude, so that the tiny gradients
    // of a deep sigmoid network do not underflow when squared.
    private static double ScaledNorm(ReadOnlySpan<double> values)
    {
        var scale = TensorPrimitives.MaxMagnitude(values);
        scale = Math.Abs(scale);
        if (scale == 0 || !double.IsFinite(scale))
        {
            return scale;
        }

        var sumOfSquares = 0.0;
        foreach (var value in values)
        {
            var scaled = value / scale;
            sumOfSquares += scaled * scaled;
        }

        return scale * Math.Sqrt(sumOfSquares);
    }

    private static (double Mean, double Std) MeanAndStd(double[] values)
    {
        var mean = TensorPrimitives.Sum(values) / values.Length;
        var sumOfSquares = 0.0;
        foreach (var value in values)
        {
            var deviation = value - mean;
            sumOfSquares += deviation * deviation;
        }

        return (mean, Math.Sqrt(sumOfSquares / values.Length));
    }
}
