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
            options.SchemaFilter<NonFiniteNumberSchemaFilter>();
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

    /// <summary>Documents a text body of <paramref name="mediaType"/> as a string with an example.</summary>
    public static TBuilder WithTextRequestExample<TBuilder>(this TBuilder builder, string mediaType, string description, string example)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new TextRequestExampleMetadata(mediaType, description, example));

    /// <summary>Documents the multipart/form-data body as the field <paramref name="fieldName"/> containing one or more files.</summary>
    public static TBuilder WithMultipartFiles<TBuilder>(this TBuilder builder, string fieldName, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new MultipartFilesMetadata(fieldName, description));

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
            if (operation.RequestBody?.Content is not { } content)
            {
                return;
            }

            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            var example = metadata.OfType<RequestExampleMetadata>().LastOrDefault();
            var texts = metadata.OfType<TextRequestExampleMetadata>().ToList();
            var files = metadata.OfType<MultipartFilesMetadata>().LastOrDefault();
            foreach (var (mediaType, media) in content)
            {
                if (texts.LastOrDefault(text => text.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase)) is { } text)
                {
                    media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = text.Description };
                    media.Example = JsonValue.Create(text.Example);
                }
                else if (files is not null && mediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
                {
                    media.Schema = FilesSchema(files);
                    media.Example = null;
                }
                else if (example is not null && mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
                {
                    media.Example = ToJsonNode(example.Example);
                }
            }
        }

        private static OpenApiSchema FilesSchema(MultipartFilesMetadata files) => new()
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string>(StringComparer.Ordinal) { files.FieldName },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                [files.FieldName] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Description = files.Description,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                },
            },
        };
    }
}
