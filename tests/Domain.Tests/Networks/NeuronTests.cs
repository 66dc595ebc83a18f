using SigmoidService.Domain.Common;
using SigmoidService.Domain.Networks;

namespace SigmoidService.Domain.Tests.Networks;

public sealed class NeuronTests
{
    [Fact]
    public void Forward_SigmoidNeuron_ComputesDotProductAndActivation()
    {
        var result = Neuron.Forward([0.5, -1.0], 0.25, [[2.0, 1.0], [0.0, 0.0], [-4.0, 3.0]], TestFunctions.For("sigmoid"));

        Assert.Equal([0.25, 0.25, -4.75], result.PreActivations);
        Assert.Equal(TestFunctions.Sigmoid(0.25), result.Outputs[0], 15);
        Assert.Equal(TestFunctions.Sigmoid(-4.75), result.Outputs[2], 15);
        Assert.Equal(TestFunctions.Sigmoid(0.25) * TestFunctions.Sigmoid(-0.25), result.Derivatives[1], 15);
    }

    [Fact]
    public void Forward_ReluNeuron_ClampsNegativePreActivations()
    {
        var result = Neuron.Forward([1.0], -1.0, [[3.0], [0.5]], TestFunctions.For("relu"));

        Assert.Equal([2.0, 0.0], result.Outputs);
        Assert.Equal([1.0, 0.0], result.Derivatives);
    }

    [Fact]
    public void Forward_InputOfWrongLength_NamesInputRow()
    {
        var error = Assert.Throws<InvalidInputException>(() =>
            Neuron.Forward([1.0, 2.0], 0, [[1.0, 2.0], [1.0, 2.0], [1.0]], TestFunctions.For("sigmoid")));

        Assert.Equal("inputs[2]", error.Field);
    }
}
