using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SigmoidService.Api.LogisticRegression;

/// <summary>
/// Declares labels and class weights in the OpenAPI document as the JSON they are on the wire. Both are
/// read by hand-written converters, so the reflected schemas (a label as an object with a kind, a class
/// weight with no type at all) would send generated clients the wrong shape.
/// </summary>
internal sealed class LabelSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete)
        {
            return;
        }

        if (context.Type == typeof(LabelValue))
        {
            Replace(concrete, "A label: 0 or 1, true or false, or a string (two distinct strings; the second in sorted order is positive).",
            [
                new OpenApiSchema { Type = JsonSchemaType.Integer, Enum = [JsonValue.Create(0), JsonValue.Create(1)] },
                new OpenApiSchema { Type = JsonSchemaType.Boolean },
                new OpenApiSchema { Type = JsonSchemaType.String },
            ]);
        }
        else if (context.MemberInfo?.Name == nameof(LogisticRegressionFitOptions.ClassWeight)
            && (Nullable.GetUnderlyingType(context.Type) ?? context.Type) == typeof(JsonElement))
        {
            Replace(concrete, "null for equal weights, \"balanced\" for n / (2 * count of the class), or a weight per class label.",
            [
                new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("balanced")] },
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    // Weights must be finite and positive, so no named literal is allowed here.
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Number, Minimum = "0", ExclusiveMinimum = "0" },
                },
            ]);
        }
    }

    private static void Replace(OpenApiSchema schema, string description, IList<IOpenApiSchema> alternatives)
    {
        schema.Type = null;
        schema.Format = null;
        schema.Properties?.Clear();
        schema.Required?.Clear();
        schema.Description = description;
        schema.OneOf = alternatives;
    }
}
