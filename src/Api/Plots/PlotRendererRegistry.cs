using Microsoft.AspNetCore.Http.HttpResults;

namespace SigmoidService.Api.Plots;

/// <summary>The registered plot renderers, keyed by the response type each draws.</summary>
public sealed class PlotRendererRegistry
{
    private readonly Dictionary<Type, IPlotRenderer> _renderers;

    public PlotRendererRegistry(IEnumerable<IPlotRenderer> renderers)
    {
        _renderers = [];
        foreach (var renderer in renderers)
        {
            if (!_renderers.TryAdd(renderer.ResponseType, renderer))
            {
                throw new InvalidOperationException(
                    $"Two plot renderers are registered for {renderer.ResponseType.FullName}; keep one.");
            }
        }
    }

    public IReadOnlyCollection<Type> ResponseTypes => _renderers.Keys;

    /// <summary>Finds the renderer for the successful response of a handler with the given return type.</summary>
    public IPlotRenderer? ForHandlerReturnType(Type returnType) =>
        SuccessValueType(returnType) is { } valueType && _renderers.TryGetValue(valueType, out var renderer)
            ? renderer
            : null;

    /// <summary>
    /// The <c>T</c> of the <c>Ok&lt;T&gt;</c> a handler returns, directly or inside <c>Results&lt;...&gt;</c>,
    /// after unwrapping <c>Task</c> and <c>ValueTask</c>; null when the handler declares no such result.
    /// </summary>
    public static Type? SuccessValueType(Type returnType)
    {
        var type = returnType;
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            type = type.GetGenericArguments()[0];
        }

        if (!type.IsGenericType)
        {
            return null;
        }

        if (type.GetGenericTypeDefinition() == typeof(Ok<>))
        {
            return type.GetGenericArguments()[0];
        }

        if (!typeof(INestedHttpResult).IsAssignableFrom(type))
        {
            return null;
        }

        return type.GetGenericArguments()
            .Where(argument => argument.IsGenericType && argument.GetGenericTypeDefinition() == typeof(Ok<>))
            .Select(argument => argument.GetGenericArguments()[0])
            .FirstOrDefault();
    }
}
