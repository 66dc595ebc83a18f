namespace SigmoidService.Domain.LogisticRegression;

/// <summary>Binary classification metrics with optional observation weights, as scikit-learn's <c>sklearn.metrics</c> define them.</summary>
public static class ClassificationMetrics
{
    /// <summary>
    /// The area under the ROC curve of <paramref name="scores"/> for labels 0/1. Tied scores are one step of
    /// the curve, so a tie between a positive and a negative counts one half (the trapezoid rule, as in
    /// scikit-learn's <c>roc_auc_score</c>). NaN when a class has no weight.
    /// </summary>
    public static double RocAuc(ReadOnlySpan<double> scores, ReadOnlySpan<double> labels, ReadOnlySpan<double> weights)
    {
        // Sort each class's scores on its own (cheaper than one sort carrying labels), then count for every
        // positive the negative weight below its score and half the negative weight tied with it.
        var positiveCount = 0;
        foreach (var label in labels)
        {
            positiveCount += label == 1.0 ? 1 : 0;
        }

        var positives = new double[positiveCount];
        var negatives = new double[labels.Length - positiveCount];
        var positiveWeights = weights.IsEmpty ? null : new double[positives.Length];
        var negativeWeights = weights.IsEmpty ? null : new double[negatives.Length];
        int p = 0, q = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] == 1.0)
            {
                positiveWeights?[p] = weights[i];
                positives[p++] = scores[i];
            }
            else
            {
                negativeWeights?[q] = weights[i];
                negatives[q++] = scores[i];
            }
        }

        SortWithWeights(positives, positiveWeights);
        SortWithWeights(negatives, negativeWeights);

        double area = 0, below = 0, positiveTotal = 0, tied = 0;
        var next = 0;
        for (var i = 0; i < positives.Length; i++)
        {
            var score = positives[i];
            if (i == 0 || score != positives[i - 1])
            {
                while (next < negatives.Length && negatives[next] < score)
                {
                    below += negativeWeights?[next] ?? 1.0;
                    next++;
                }

                // Positives with equal scores are adjacent, so the tied weight is counted once per score.
                tied = 0.0;
                for (var k = next; k < negatives.Length && negatives[k] == score; k++)
                {
                    tied += negativeWeights?[k] ?? 1.0;
                }
            }

            var weight = positiveWeights?[i] ?? 1.0;
            area += weight * (below + (0.5 * tied));
            positiveTotal += weight;
        }

        var negativeTotal = negativeWeights?.Sum() ?? negatives.Length;
        return positiveTotal > 0 && negativeTotal > 0 ? area / (positiveTotal * negativeTotal) : double.NaN;
    }

    private static void SortWithWeights(double[] keys, double[]? weights)
    {
        if (weights is null)
        {
            Array.Sort(keys);
        }
        else
        {
            Array.Sort(keys, weights);
        }
    }

    /// <summary>The weighted share of observations whose decision function has the sign of the label (&gt; 0 for 1).</summary>
    public static double Accuracy(ReadOnlySpan<double> decision, ReadOnlySpan<double> labels, ReadOnlySpan<double> weights)
    {
        double correct = 0, total = 0;
        for (var i = 0; i < decision.Length; i++)
        {
            var weight = weights.IsEmpty ? 1.0 : weights[i];
            var predicted = decision[i] > 0 ? 1.0 : 0.0;
            if (predicted == labels[i])
            {
                correct += weight;
            }

            total += weight;
        }

        return correct / total;
    }

    /// <summary>The weighted mean log loss of the decision functions (log-odds), computed exactly without clipping.</summary>
    public static double LogLoss(ReadOnlySpan<double> decision, ReadOnlySpan<double> labels, ReadOnlySpan<double> weights)
    {
        double sum = 0, total = 0;
        for (var i = 0; i < decision.Length; i++)
        {
            var weight = weights.IsEmpty ? 1.0 : weights[i];
            if (weight != 0)
            {
                sum += weight * LogisticObjective.LogLoss(decision[i], labels[i]);
            }

            total += weight;
        }

        return sum / total;
    }
}
