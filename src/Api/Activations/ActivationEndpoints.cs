namespace SigmoidService.Api.Activations;

public static class ActivationEndpoints
{
    public static RouteGroupBuilder MapActivations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/activations").WithTags("Activations");
        return group;
    }
}
