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
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = scores.ToArray();
        Array.Sort(keys, order);

        // Walk from the highest score down, one group of tied scores at a time.
        double truePositive = 0, falsePositive = 0, area = 0;
        var end = order.Length;
        while (end > 0)
        {
            var start = end - 1;
            while (start > 0 && keys[start - 1] == keys[end - 1])
            {
                start--;
            }

            double groupPositive = 0, groupNegative = 0;
            for (var k = start; k < end; k++)
            {
                var i = order[k];
                var weight = weights.IsEmpty ? 1.0 : weights[i];
                if (labels[i] == 1.0)
                {
                    groupPositive += weight;
                }
                else
                {
                    groupNegative += weight;
                }
            }

            area += groupNegative * (truePositive + (0.5 * groupPositive));
            truePositive += groupPositive;
            falsePositive += groupNegative;
            end = start;
        }

        return truePositive > 0 && falsePositive > 0 ? area / (truePositive * falsePositive) : double.NaN;
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
