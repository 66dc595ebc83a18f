using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SigmoidService.Api.Infrastructure;

/// <summary>
/// Declares every double and float as a number or one of the strings "Infinity", "-Infinity" and "NaN",
/// because the service's JSON writes non-finite values as those strings.
/// </summary>
internal sealed class NonFiniteNumberSchemaFilter : ISchemaFilter
{
    private static readonly string[] NamedLiterals = ["Infinity", "-Infinity", "NaN"];

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Type) ?? context.Type;
        if ((type != typeof(double) && type != typeof(float)) || schema is not OpenApiSchema concrete)
        {
            return;
        }

        var nullable = concrete.Type is { } declared && declared.HasFlag(JsonSchemaType.Null);
        var number = new OpenApiSchema
        {
            Type = nullable ? JsonSchemaType.Number | JsonSchemaType.Null : JsonSchemaType.Number,
            Format = concrete.Format,
        };
        var named = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. NamedLiterals.Select(literal => (JsonNode)JsonValue.Create(literal))],
            Description = "A non-finite value. Results may be any of the three; inputs accept \"Infinity\" and \"-Infinity\" where the function is defined there, and never NaN.",
        };

        concrete.Type = null;
        concrete.Format = null;
        concrete.OneOf = [number, named];
    }
}
