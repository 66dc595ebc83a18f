using SigmoidService.Domain.LogisticRegression;

namespace SigmoidService.Domain.Tests.LogisticRegression;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void RocAuc_TiedScores_CountHalf()
    {
        // Pairs (positive, negative): 0.8>0.1, 0.8>0.5, 0.5=0.5 counts 1/2, 0.5>0.1: (3 + 0.5) / 4.
        double[] scores = [0.1, 0.5, 0.5, 0.8];
        double[] labels = [0, 0, 1, 1];

        Assert.Equal(0.875, ClassificationMetrics.RocAuc(scores, labels, []), 15);
    }

    [Fact]
    public void RocAuc_AllTied_IsOneHalf()
    {
        double[] scores = [2, 2, 2, 2, 2];
        double[] labels = [0, 1, 1, 0, 1];

        Assert.Equal(0.5, ClassificationMetrics.RocAuc(scores, labels, []), 15);
    }

    [Fact]
    public void RocAuc_Weights_ActAsRepeats()
    {
        double[] scores = [0.3, 0.1, 0.7, 0.4, 0.4];
        double[] labels = [1, 0, 1, 0, 1];
        double[] weights = [2, 1, 1, 3, 1];
        double[] repeatedScores = [0.3, 0.3, 0.1, 0.7, 0.4, 0.4, 0.4, 0.4];
        double[] repeatedLabels = [1, 1, 0, 1, 0, 0, 0, 1];

        Assert.Equal(
            ClassificationMetrics.RocAuc(repeatedScores, repeatedLabels, []),
            ClassificationMetrics.RocAuc(scores, labels, weights),
            14);
    }

    [Fact]
    public void RocAuc_OneClass_IsNaN()
    {
        Assert.True(double.IsNaN(ClassificationMetrics.RocAuc([0.1, 0.2], [1, 1], [])));
    }

    [Fact]
    public void Accuracy_ZeroDecision_PredictsNegative()
    {
        Assert.Equal(0.5, ClassificationMetrics.Accuracy([0.0, 0.0], [0, 1], []), 15);
    }

    [Fact]
    public void LogLoss_HugeDecision_StaysFinite()
    {
        var loss = ClassificationMetrics.LogLoss([800.0, -800.0], [0, 0], []);

        Assert.Equal(400.0, loss, 12);
    }
}
