using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SigmoidService.Api.Infrastructure;
using SigmoidService.Domain.Activations;

namespace SigmoidService.Api.Activations;

/// <summary>
/// Computes sampled curves and comparisons and keeps them in the shared memory cache, keyed by the
/// normalised request (activation names, every parameter value, from, to, points), sized in approximate
/// bytes and kept for <see cref="CacheOptions.CurveSlidingExpiration"/> after their last use. Plot
/// endpoints draw from the same cached objects. Arguments must already be validated.
/// </summary>
public sealed class ActivationCurveService(
    IMemoryCache cache,
    IOptions<CacheOptions> cacheOptions,
    ILogger<ActivationCurveService> logger)
{
    // Per cached response: the record, its arrays' headers, the key and the cache entry.
    private const int EntryOverheadBytes = 512;

    /// <summary>The curve of <paramref name="activation"/> (with its parameters) at <paramref name="points"/> points from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public ActivationCurveResponse GetCurve(Activation activation, double from, double to, int points)
    {
        var key = new CurveKey("curve", activation.Name, FormatParameters(activation), from, to, points);
        return GetOrCreate(key, 3L * points, () =>
        {
            var x = Grid(from, to, points);
            var values = new double[points];
            var derivatives = new double[points];
            activation.Evaluate(x, values, derivatives);
            return new ActivationCurveResponse(activation.Name, activation.Parameters, x, values, derivatives);
        });
    }

    /// <summary>The curves of several activations on one grid.</summary>
    public ActivationComparisonResponse GetComparison(IReadOnlyList<Activation> activations, double from, double to, int points)
    {
        var names = string.Join(",", activations.Select(activation => activation.Name));
        var parameters = string.Join(";", activations.Select(FormatParameters));
        var key = new CurveKey("compare", names, parameters, from, to, points);
        return GetOrCreate(key, (1L + (2L * activations.Count)) * points, () =>
        {
            var x = Grid(from, to, points);
            var series = new List<ActivationSeries>(activations.Count);
            foreach (var activation in activations)
            {
                var values = new double[points];
                var derivatives = new double[points];
                activation.Evaluate(x, values, derivatives);
                series.Add(new ActivationSeries(activation.Name, values, derivatives));
            }

            return new ActivationComparisonResponse(x, series);
        });
    }

    /// <summary>
    /// <paramref name="points"/> evenly spaced points with the first exactly <paramref name="from"/> and the last
    /// exactly <paramref name="to"/>; needs finite from &lt; to and points &gt;= 2.
    /// </summary>
    public static double[] Grid(double from, double to, int points)
    {
        var x = new double[points];
        var step = (to - from) / (points - 1);
        if (double.IsFinite(step))
        {
            for (var i = 0; i < points - 1; i++)
            {
                x[i] = Math.Min(from + (i * step), to);
            }
        }
        else
        {
            // to - from overflows for ends near ±double.MaxValue; the grid of the halves does not.
            var halfStep = ((to / 2) - (from / 2)) / (points - 1);
            for (var i = 0; i < points - 1; i++)
            {
                x[i] = Math.Min(((from / 2) + (i * halfStep)) * 2, to);
            }
        }

        x[points - 1] = to;
        return x;
    }

    private T GetOrCreate<T>(CurveKey key, long numbers, Func<T> create)
        where T : class
    {
        if (cache.TryGetValue(key, out T? cached) && cached is not null)
        {
            return cached;
        }

        var stopwatch = Stopwatch.StartNew();
        var created = create();
        ActivationLog.CurveComputed(logger, key.Kind, key.Names, key.Points, stopwatch.Elapsed.TotalMilliseconds);

        using var entry = cache.CreateEntry(key);
        entry.Value = created;
        entry.Size = (numbers * sizeof(double)) + EntryOverheadBytes;
        entry.SlidingExpiration = cacheOptions.Value.CurveSlidingExpiration;
        return created;
    }

    private static string FormatParameters(Activation activation) =>
        string.Join(",", activation.ParameterValues.Select(value => value.ToString("R", CultureInfo.InvariantCulture)));

    private sealed record CurveKey(string Kind, string Names, string Parameters, double From, double To, int Points);
}
