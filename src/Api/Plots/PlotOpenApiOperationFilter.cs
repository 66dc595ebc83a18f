using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SigmoidService.Api.Plots;

/// <summary>
/// Declares the SVG and PNG responses, and the <c>format</c>, <c>width</c> and <c>height</c> query parameters,
/// on every operation whose successful response has a plot renderer.
/// </summary>
public sealed class PlotOpenApiOperationFilter(PlotRendererRegistry registry) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.MethodInfo is null || registry.ForHandlerReturnType(context.MethodInfo.ReturnType) is null)
        {
            return;
        }

        operation.Responses ??= [];
        if (!operation.Responses.TryGetValue("200", out var success) || success is not OpenApiResponse response)
        {
            response = new OpenApiResponse { Description = "OK" };
            operation.Responses["200"] = response;
        }

        response.Content ??= new Dictionary<string, OpenApiMediaType>();
        response.Content["image/svg+xml"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The plot as an SVG document." },
        };
        response.Content["image/png"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The plot as a PNG image." },
        };

        operation.Responses["406"] = new OpenApiResponse
        {
            Description = "The Accept header allows none of application/json, image/svg+xml and image/png.",
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() },
        };

        operation.Parameters ??= [];
        AddQueryParameter(operation, PlotNegotiation.FormatParameter,
            "json (the default), svg or png; overrides the Accept header.",
            new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("json"), JsonValue.Create("svg"), JsonValue.Create("png")] });
        AddQueryParameter(operation, PlotNegotiation.WidthParameter, "Width of the plot in pixels (800 unless set).",
            new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" });
        AddQueryParameter(operation, PlotNegotiation.HeightParameter, "Height of the plot in pixels (500 unless set).",
            new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" });
    }

    private static void AddQueryParameter(OpenApiOperation operation, string name, string description, OpenApiSchema schema)
    {
        if (operation.Parameters!.Any(parameter => string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        operation.Parameters!.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Query,
            Required = false,
            Description = description,
            Schema = schema,
        });
    }
}
