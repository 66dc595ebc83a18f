using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SigmoidService.Api.Plots;

namespace SigmoidService.Api.Tests.Plots;

public sealed class PlotRendererRegistryTests
{
    [Theory]
    [InlineData(typeof(Ok<string>), typeof(string))]
    [InlineData(typeof(Task<Ok<int[]>>), typeof(int[]))]
    [InlineData(typeof(ValueTask<Results<Ok<string>, NotFound>>), typeof(string))]
    [InlineData(typeof(Results<ValidationProblem, Ok<double>, ProblemHttpResult>), typeof(double))]
    public void SuccessValueType_HandlerReturningOk_FindsValueType(Type returnType, Type expected)
    {
        Assert.Equal(expected, PlotRendererRegistry.SuccessValueType(returnType));
    }

    [Theory]
    [InlineData(typeof(IResult))]
    [InlineData(typeof(Task<IResult>))]
    [InlineData(typeof(Results<NotFound, NoContent>))]
    [InlineData(typeof(string))]
    [InlineData(typeof(List<Ok<string>>))]
    public void SuccessValueType_NoOkResult_IsNull(Type returnType)
    {
        Assert.Null(PlotRendererRegistry.SuccessValueType(returnType));
    }
}
