using SigmoidService.Domain.Activations;
using SigmoidService.Domain.Common;

namespace SigmoidService.Domain.Softmax;

/// <summary>
/// Softmax and log-softmax with a temperature: z_i = logits_i / T, p_i = exp(z_i) / sum_j exp(z_j).
/// </summary>
/// <remarks>
/// The maximum logit is subtracted before exponentiating, so [-10000, -10000] gives [0.5, 0.5] (where
/// TensorPrimitives.SoftMax gives NaN) and large logits do not overflow. log sum exp is taken as
/// m + log1p(sum of the other terms) in double-double, so a dominant logit gets a log-probability near 0
/// with full relative accuracy. ±Infinity logits are their limits: the +Infinity entries share the
/// probability equally, -Infinity entries get 0 (log -Infinity), and all -Infinity is uniform.
/// </remarks>
public static class SoftmaxFunction
{
    /// <summary>Computes softmax and log-softmax of <paramref name="logits"/> at temperature <paramref name="temperature"/>.</summary>
    /// <exception cref="InvalidInputException">
    /// The logits are empty or contain NaN (field <c>logits[i]</c>), or the temperature is not a finite number greater than 0.
    /// </exception>
    public static SoftmaxResult Evaluate(ReadOnlySpan<double> logits, double temperature = 1.0)
    {
        Validate(logits, temperature);

        var count = logits.Length;
        var probabilities = new double[count];
        var logProbabilities = new double[count];
        var max = double.NegativeInfinity;
        foreach (var logit in logits)
        {
            max = Math.Max(max, logit);
        }

        if (double.IsInfinity(max))
        {
            EvaluateInfinite(logits, max, probabilities, logProbabilities);
            return new SoftmaxResult(probabilities, logProbabilities);
        }

        // z_i = (logit_i - max) / T <= 0, with at least one z_i = 0. Sum the terms below 1 separately, so
        // that log(sum) = log1p(others) keeps its digits when one logit dominates.
        var shifted = new double[count];
        var atMax = 0;
        var others = 0.0;
        for (var i = 0; i < count; i++)
        {
            shifted[i] = (logits[i] - max) / temperature;
            if (shifted[i] == 0)
            {
                atMax++;
            }
            else
            {
                others += Math.Exp(shifted[i]);
            }
        }

        var sumMinusOne = DoubleDouble.TwoSum(atMax - 1.0, others);
        var logSum = DoubleDoubleMath.Log1p(sumMinusOne);
        var sum = atMax + others;
        for (var i = 0; i < count; i++)
        {
            logProbabilities[i] = double.IsNegativeInfinity(shifted[i])
                ? double.NegativeInfinity
                : (shifted[i] - logSum).Value;
            probabilities[i] = Math.Exp(shifted[i]) / sum;
        }

        return new SoftmaxResult(probabilities, logProbabilities);
    }

    private static void Validate(ReadOnlySpan<double> logits, double temperature)
    {
        if (double.IsNaN(temperature) || double.IsInfinity(temperature) || temperature <= 0)
        {
            throw new InvalidInputException("temperature", $"The temperature must be a finite number greater than 0, but was {temperature:R}.");
        }

        if (logits.IsEmpty)
        {
            throw new InvalidInputException("logits", "The array must not be empty.");
        }

        for (var i = 0; i < logits.Length; i++)
        {
            if (double.IsNaN(logits[i]))
            {
                throw new InvalidInputException($"logits[{i}]", "NaN is not a valid input.");
            }
        }
    }

    /// <summary>The limits when the maximum logit is +Infinity or every logit is -Infinity.</summary>
    private static void EvaluateInfinite(ReadOnlySpan<double> logits, double max, double[] probabilities, double[] logProbabilities)
    {
        var winners = 0;
        foreach (var logit in logits)
        {
            if (logit == max)
            {
                winners++;
            }
        }

        var share = 1.0 / winners;
        var logShare = -Math.Log(winners);
        for (var i = 0; i < logits.Length; i++)
        {
            var wins = logits[i] == max;
            probabilities[i] = wins ? share : 0.0;
            logProbabilities[i] = wins ? logShare : double.NegativeInfinity;
        }
    }
}
