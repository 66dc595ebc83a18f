using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SigmoidService.Api.Infrastructure;

/// <summary>Endpoint metadata that carries the example request body shown in Swagger UI.</summary>
public sealed record RequestExampleMetadata(object Example);

/// <summary>Swagger and OpenAPI set-up, and the helpers endpoints use to document themselves.</summary>
public static class OpenApiExtensions
{
    private static readonly JsonSerializerOptions ExampleJson = CreateExampleJson();

    public static IServiceCollection AddServiceOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "SigmoidService",
                Version = "v1",
                Description = "The sigmoid function and the machine learning built on it: exact activations, "
                    + "logistic regression, neural-network building blocks and ONNX-backed inference. "
                    + "Non-finite results are written as the JSON strings \"Infinity\", \"-Infinity\" and \"NaN\"; "
                    + "\"Infinity\" and \"-Infinity\" are accepted as inputs where the function is defined there.",
            });
            options.OperationFilter<RequestExampleOperationFilter>();
            options.CustomSchemaIds(type => type.FullName?.Replace("SigmoidService.Api.", string.Empty, StringComparison.Ordinal)
                .Replace('+', '.'));
        });
        return services;
    }

    public static WebApplication UseServiceOpenApi(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/swagger/v1/swagger.json", "SigmoidService v1");
            options.DocumentTitle = "SigmoidService API";
        });
        return app;
    }

    /// <summary>Attaches an example request body that Swagger UI pre-fills.</summary>
    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, object example)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestExampleMetadata(example));

    internal static JsonNode? ToJsonNode(object example) =>
        JsonSerializer.SerializeToNode(example, ExampleJson);

    private static JsonSerializerOptions CreateExampleJson()
    {
        var options = new JsonSerializerOptions();
        ServiceInfrastructureExtensions.ConfigureJson(options);
        return options;
    }

    private sealed class RequestExampleOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var example = context.ApiDescription.ActionDescriptor.EndpointMetadata
                .OfType<RequestExampleMetadata>()
                .LastOrDefault();
            if (example is null || operation.RequestBody?.Content is not { } content)
            {
                return;
            }

            foreach (var (mediaType, media) in content)
            {
                if (mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
                {
                    media.Example = ToJsonNode(example.Example);
                }
            }
        }
    }
}
