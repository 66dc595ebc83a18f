using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using SigmoidService.Api.Infrastructure;

namespace SigmoidService.Api.Plots;

/// <summary>
/// Chooses between JSON, SVG and PNG for an endpoint that can draw its response. The <c>format</c> query
/// parameter wins over the <c>Accept</c> header; without either the response is JSON. Every bad value is a
/// problem result (400 for a malformed value, 406 when nothing acceptable is on offer), never an exception.
/// </summary>
public static class PlotNegotiation
{
    public const string FormatParameter = "format";
    public const string WidthParameter = "width";
    public const string HeightParameter = "height";

    private static readonly (PlotFormat Format, string Type, string SubType)[] Offers =
    [
        (PlotFormat.Json, "application", "json"),
        (PlotFormat.Svg, "image", "svg+xml"),
        (PlotFormat.Png, "image", "png"),
    ];

    /// <summary>Tells whether a query parameter is one of the plot's own: format, width or height.</summary>
    public static bool IsPlotParameter(string name) =>
        string.Equals(name, FormatParameter, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, WidthParameter, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, HeightParameter, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Tells whether a request asks for an image and nothing else: <c>?format=svg</c> or <c>png</c>, or, without
    /// a format, an <c>Accept</c> header that allows an image type and no JSON. A malformed header counts as
    /// not asking, so endpoints without plots keep their lenient handling of it.
    /// </summary>
    public static bool AsksOnlyForImage(HttpRequest request)
    {
        if (request.Query.TryGetValue(FormatParameter, out var formatValues))
        {
            return formatValues.Count == 1
                && (string.Equals(formatValues[0]?.Trim(), nameof(PlotFormat.Svg), StringComparison.OrdinalIgnoreCase)
                    || string.Equals(formatValues[0]?.Trim(), nameof(PlotFormat.Png), StringComparison.OrdinalIgnoreCase));
        }

        var accept = request.Headers.Accept;
        if (StringValues.IsNullOrEmpty(accept) || accept.All(string.IsNullOrWhiteSpace)
            || !MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0 || ranges.Any(HasInvalidQuality))
        {
            return false;
        }

        return !Allows(ranges, "application", "json") && !Allows(ranges, "application", "problem+json")
            && (Allows(ranges, "image", "svg+xml") || Allows(ranges, "image", "png"));
    }

    /// <summary>Whether the most specific range matching the type gives it a quality above zero.</summary>
    private static bool Allows(IList<MediaTypeHeaderValue> ranges, string type, string subType)
    {
        var specificity = -1;
        double quality = 0;
        foreach (var range in ranges)
        {
            var rangeSpecificity = Specificity(range, type, subType);
            if (rangeSpecificity > specificity)
            {
                specificity = rangeSpecificity;
                quality = range.Quality ?? 1;
            }
        }

        return specificity >= 0 && quality > 0;
    }

    /// <summary>Negotiates the representation; returns null and sets <paramref name="problem"/> when the request is unacceptable.</summary>
    public static PlotRequest? Negotiate(HttpRequest request, PlotOptions options, out IResult? problem)
    {
        problem = null;
        var format = request.Query.TryGetValue(FormatParameter, out var formatValues)
            ? FromQuery(formatValues, out problem)
            : FromAccept(request.Headers.Accept, out problem);
        if (format is null)
        {
            return null;
        }

        if (format == PlotFormat.Json)
        {
            return new PlotRequest(PlotFormat.Json, options.DefaultWidth, options.DefaultHeight);
        }

        var errors = new RequestErrors();
        var width = Side(request.Query, WidthParameter, options.DefaultWidth, options.MinWidth, options.MaxSide, errors);
        var height = Side(request.Query, HeightParameter, options.DefaultHeight, options.MinHeight, options.MaxSide, errors);
        if (errors.HasErrors)
        {
            problem = errors.ToProblem();
            return null;
        }

        return new PlotRequest(format.Value, width, height);
    }

    private static PlotFormat? FromQuery(StringValues values, out IResult? problem)
    {
        problem = null;
        if (values.Count == 1)
        {
            foreach (var offer in Enum.GetValues<PlotFormat>())
            {
                if (string.Equals(values[0]?.Trim(), offer.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    return offer;
                }
            }
        }

        var message = values.Count == 1
            ? $"'{Shorten(values[0])}' is not a format this endpoint offers; use json, svg or png."
            : "Give the format once: json, svg or png.";
        problem = RequestErrors.For(FormatParameter, message);
        return null;
    }

    private static PlotFormat? FromAccept(StringValues accept, out IResult? problem)
    {
        problem = null;
        if (StringValues.IsNullOrEmpty(accept) || accept.All(string.IsNullOrWhiteSpace))
        {
            return PlotFormat.Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0 || ranges.Any(HasInvalidQuality))
        {
            problem = TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Malformed Accept header",
                detail: "The Accept header is not a list of media ranges such as 'image/png' or 'application/json;q=0.9'.");
            return null;
        }

        PlotFormat? best = null;
        double bestQuality = 0;
        var bestSpecificity = -1;
        foreach (var (format, type, subType) in Offers)
        {
            // RFC 9110, section 12.5.1: the most specific range that matches an offer gives its quality.
            var specificity = -1;
            double quality = 0;
            foreach (var range in ranges)
            {
                var rangeSpecificity = Specificity(range, type, subType);
                if (rangeSpecificity > specificity)
                {
                    specificity = rangeSpecificity;
                    quality = range.Quality ?? 1;
                }
            }

            // Offers are listed in the service's order of preference, so a tie keeps the earlier one.
            if (specificity >= 0 && quality > 0
                && (quality > bestQuality || (quality == bestQuality && specificity > bestSpecificity)))
            {
                best = format;
                bestQuality = quality;
                bestSpecificity = specificity;
            }
        }

        if (best is null)
        {
            problem = TypedResults.Problem(
                statusCode: StatusCodes.Status406NotAcceptable,
                title: "Not acceptable",
                detail: "This endpoint answers with application/json, image/svg+xml or image/png; the Accept header allows none of them.");
        }

        return best;
    }

    /// <summary>Finds a <c>q</c> parameter that is not a number from 0 to 1, which the lenient parser lets through.</summary>
    private static bool HasInvalidQuality(MediaTypeHeaderValue range)
    {
        var quality = range.Parameters.FirstOrDefault(parameter => parameter.Name.Equals("q", StringComparison.OrdinalIgnoreCase));
        if (quality is null)
        {
            return false;
        }

        return !double.TryParse(quality.Value.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || value > 1;
    }

    /// <summary>2 for an exact match, 1 for <c>type/*</c>, 0 for <c>*/*</c>, -1 when the range does not match.</summary>
    private static int Specificity(MediaTypeHeaderValue range, string type, string subType)
    {
        if (range.MatchesAllTypes)
        {
            return 0;
        }

        if (!range.Type.Equals(type, StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }

        if (range.MatchesAllSubTypes)
        {
            return 1;
        }

        return range.SubType.Equals(subType, StringComparison.OrdinalIgnoreCase) ? 2 : -1;
    }

    private static int Side(IQueryCollection query, string name, int fallback, int min, int max, RequestErrors errors)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return fallback;
        }

        if (values.Count != 1
            || !int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var side)
            || side < min
            || side > max)
        {
            errors.Add(name, $"The {name} must be one whole number of pixels from {min} to {max}; smaller plots have no room for their axes and title.");
            return fallback;
        }

        return side;
    }

    private static string Shorten(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        return value.Length <= 32 ? value : string.Concat(value.AsSpan(0, 32), "...");
    }
}
