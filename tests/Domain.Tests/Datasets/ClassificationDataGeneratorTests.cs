using SigmoidService.Domain.Common;
using SigmoidService.Domain.Datasets;
using SigmoidService.Domain.LogisticRegression;

namespace SigmoidService.Domain.Tests.Datasets;

public sealed class ClassificationDataGeneratorTests
{
    [Fact]
    public void Generate_SameSeed_SameData()
    {
        var options = new ClassificationDataOptions { Samples = 50, Features = 6, Seed = 42 };

        var first = ClassificationDataGenerator.Generate(options);
        var second = ClassificationDataGenerator.Generate(options);

        Assert.Equal(first.Features.Values, second.Features.Values);
        Assert.Equal(first.Labels, second.Labels);
    }

    [Fact]
    public void Generate_OtherSeed_OtherData()
    {
        var first = ClassificationDataGenerator.Generate(new ClassificationDataOptions { Seed = 1 });
        var second = ClassificationDataGenerator.Generate(new ClassificationDataOptions { Seed = 2 });

        Assert.NotEqual(first.Features.Values, second.Features.Values);
    }

    [Fact]
    public void Generate_Weights_GiveClassShares()
    {
        var data = ClassificationDataGenerator.Generate(new ClassificationDataOptions { Samples = 1000, NegativeWeight = 0.9, FlipY = 0, Seed = 3 });

        Assert.Equal(900, data.Labels.Count(label => label == 0));
    }

    [Fact]
    public void Generate_Redundant_IsCombinationOfInformative()
    {
        var data = ClassificationDataGenerator.Generate(new ClassificationDataOptions
        {
            Samples = 40, Features = 4, Informative = 2, Redundant = 1, Repeated = 1, Seed = 9,
        });

        // The redundant column lies in the span of the informative ones: the unpenalised fit of it on them
        // is not needed, so check instead that the 3 x 3 Gram matrix of those columns is singular.
        var gram = new double[3, 3];
        for (var i = 0; i < 40; i++)
        {
            for (var a = 0; a < 3; a++)
            {
                for (var b = 0; b < 3; b++)
                {
                    gram[a, b] += data.Features[i, a] * data.Features[i, b];
                }
            }
        }

        var determinant = (gram[0, 0] * ((gram[1, 1] * gram[2, 2]) - (gram[1, 2] * gram[2, 1])))
            - (gram[0, 1] * ((gram[1, 0] * gram[2, 2]) - (gram[1, 2] * gram[2, 0])))
            + (gram[0, 2] * ((gram[1, 0] * gram[2, 1]) - (gram[1, 1] * gram[2, 0])));
        Assert.True(Math.Abs(determinant) < 1e-9 * gram[0, 0] * gram[1, 1] * gram[2, 2], $"determinant {determinant}");
        var repeatedMatchesSome = Enumerable.Range(0, 3).Any(source =>
            Enumerable.Range(0, 40).All(i => data.Features[i, 3] == data.Features[i, source]));
        Assert.True(repeatedMatchesSome);
    }

    [Fact]
    public void Generate_LargeClassSep_IsEasyToClassify()
    {
        var data = ClassificationDataGenerator.Generate(new ClassificationDataOptions { Samples = 400, Features = 5, ClustersPerClass = 1, ClassSep = 3, FlipY = 0, Seed = 4 });

        var fit = LogisticRegressionTrainer.Fit(data.Features, data.Labels, null, new LogisticRegressionOptions());

        Assert.True(fit.TrainingMetrics.Accuracy > 0.95, $"accuracy {fit.TrainingMetrics.Accuracy}");
    }

    [Theory]
    [InlineData(10, 3, 2, 2, "features")]
    [InlineData(10, 1, 0, 2, "clustersPerClass")]
    public void Generate_Inconsistent_NamesField(int features, int informative, int redundant, int clustersPerClass, string field)
    {
        var options = new ClassificationDataOptions
        {
            Features = features == 10 && field == "features" ? 6 : features,
            Informative = informative,
            Redundant = redundant,
            Repeated = field == "features" ? 2 : 0,
            ClustersPerClass = clustersPerClass,
        };

        var error = Assert.Throws<InvalidInputException>(() => ClassificationDataGenerator.Generate(options));

        Assert.Equal(field, error.Field);
    }
}
