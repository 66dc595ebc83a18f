using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SigmoidService.Api.Infrastructure;
using SigmoidService.Domain.Activations;
using SigmoidService.Domain.Common;

namespace SigmoidService.Api.Activations;

/// <summary>The activation catalogue, evaluation, curve and comparison endpoints.</summary>
public static class ActivationEndpoints
{
    private const double DefaultFrom = -10.0;
    private const double DefaultTo = 10.0;
    private const int DefaultPoints = 101;

    // Query keys with a fixed meaning; every other key of evaluate and curve is an activation parameter.
    // "format" belongs to the plot negotiation of curve and compare.
    private static readonly HashSet<string> ReservedQueryKeys =
        new(["x", "precision", "from", "to", "points", "names", "format"], StringComparer.OrdinalIgnoreCase);

    public static RouteGroupBuilder MapActivations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/activations").WithTags("Activations");

        group.MapGet("/", ListActivations)
            .WithName("ListActivations")
            .WithSummary("List the activation functions")
            .WithDescription("Every activation with its formula and derivative as text and LaTeX, its range, "
                + "shape properties (bounded, monotonic, zero-centred, smooth) and parameters with their defaults. "
                + "Infinite range ends are written as \"Infinity\" and \"-Infinity\".");

        // Registered before "/{name}": a literal segment takes precedence over a route parameter, so
        // "compare" is never looked up as an activation name.
        group.MapGet("/compare", CompareActivations)
            .WithName("CompareActivations")
            .WithSummary("Sample several activations on one grid")
            .WithDescription("names is a comma-separated list such as sigmoid,tanh,relu; each activation uses its "
                + "default parameters. from and to (default -10 and 10, moved inside every listed activation's domain, so "
                + "0 and 1 with logit) must be finite with from < to, and points "
                + "(default 101) between 2 and the configured maximum (100,000 by default), and names times points "
                + "must not exceed the configured numbers per request (1,000,000 by default). The grid's first and last "
                + "points are exactly from and to. Responses are cached; Accept: image/svg+xml or image/png (or "
                + "?format=svg|png) returns the plot.");

        group.MapGet("/{name}", GetActivation)
            .WithName("GetActivation")
            .WithSummary("Describe one activation function")
            .WithDescription("The catalogue entry of one activation; an unknown name is a 404 problem.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{name}/evaluate", EvaluateFromQuery)
            .WithName("EvaluateActivationFromQuery")
            .WithSummary("Evaluate an activation and its derivative at query points")
            .WithDescription("Repeat x for each point (?x=0.5&x=-3); \"Infinity\" and \"-Infinity\" are accepted, NaN is "
                + "not. precision is double (default) or single. Any other query parameter sets an activation "
                + "parameter, such as ?alpha=0.2 for leaky-relu or ?l=2&k=0.5&x0=1 for scaled-sigmoid. Results are "
                + "within 2 ulp of the correctly rounded value for the sigmoid family and 4 ulp for the rest "
                + "(usually correctly rounded); non-finite results are written as \"Infinity\", \"-Infinity\" or \"NaN\".")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{name}/evaluate", EvaluateFromBody)
            .WithName("EvaluateActivation")
            .WithSummary("Evaluate an activation and its derivative at many points")
            .WithDescription("x holds up to the configured maximum of numbers (1,000,000 by default). precision is "
                + "\"double\" (default) or \"single\": single rounds x and the parameters to binary32 and returns "
                + "binary32 results, written as the doubles they equal. parameters sets activation parameters by "
                + "name, such as {\"alpha\": 0.1} for leaky-relu or {\"beta\": 2} for softplus. logit accepts x in [0, 1] only.")
            .WithRequestExample(new { x = new[] { -745.0, -1.0, 0.0, 0.5, 40.0 }, precision = "double" })
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{name}/curve", GetCurve)
            .WithName("GetActivationCurve")
            .WithSummary("Sample an activation and its derivative evenly")
            .WithDescription("from and to (default -10 and 10, or the domain's ends where they lie inside, as 0 and 1 for logit) "
                + "must be finite with from < to; points (default 101) "
                + "between 2 and the configured maximum (100,000 by default). Any other query parameter sets an "
                + "activation parameter (?alpha=0.2). Responses are cached; Accept: image/svg+xml or image/png (or "
                + "?format=svg|png) returns the plot.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    internal static Ok<ActivationCatalogResponse> ListActivations() =>
        TypedResults.Ok(new ActivationCatalogResponse(
            [.. ActivationCatalog.All.Select(activation => ActivationDescription.From(activation.Info))]));

    internal static Results<Ok<ActivationDescription>, ProblemHttpResult> GetActivation(string name) =>
        ActivationCatalog.TryGet(name, out var activation)
            ? TypedResults.Ok(ActivationDescription.From(activation.Info))
            : UnknownActivation(name);

    internal static Results<Ok<EvaluateActivationResponse>, ValidationProblem, ProblemHttpResult> EvaluateFromQuery(
        string name,
        [FromQuery(Name = "x")] string[]? x,
        [FromQuery(Name = "precision")] string? precision,
        HttpRequest request,
        IOptions<ServiceLimitsOptions> limits,
        ILoggerFactory loggers)
    {
        if (!ActivationCatalog.TryGet(name, out var activation))
        {
            return UnknownActivation(name);
        }

        var errors = new RequestErrors();
        var points = ParseQueryNumbers(x, "x", limits.Value.MaxNumbersPerRequest, errors);
        var parsedPrecision = ParsePrecision(precision, errors);
        var configured = ApplyQueryParameters(activation, request.Query, "x and precision", errors);
        if (errors.HasErrors || configured is null || points is null)
        {
            return errors.ToProblem();
        }

        return Evaluate(configured, points, parsedPrecision, loggers);
    }

    internal static Results<Ok<EvaluateActivationResponse>, ValidationProblem, ProblemHttpResult> EvaluateFromBody(
        string name,
        EvaluateActivationRequest body,
        IOptions<ServiceLimitsOptions> limits,
        ILoggerFactory loggers)
    {
        if (!ActivationCatalog.TryGet(name, out var activation))
        {
            return UnknownActivation(name);
        }

        var errors = new RequestErrors();
        if (!errors.ValidNumbers(body.X, "x", limits.Value.MaxNumbersPerRequest, allowInfinity: true))
        {
            return errors.ToProblem();
        }

        Activation configured;
        try
        {
            configured = activation.WithParameters(body.Parameters);
        }
        catch (InvalidInputException invalid)
        {
            return RequestErrors.For(invalid.Field, invalid.Message);
        }

        return Evaluate(configured, body.X!, body.Precision ?? Precision.Double, loggers);
    }

    internal static Results<Ok<ActivationCurveResponse>, ValidationProblem, ProblemHttpResult> GetCurve(
        string name,
        double? from,
        double? to,
        int? points,
        HttpRequest request,
        ActivationCurveService curves,
        IOptions<ServiceLimitsOptions> limits)
    {
        if (!ActivationCatalog.TryGet(name, out var activation))
        {
            return UnknownActivation(name);
        }

        var errors = new RequestErrors();
        var grid = ValidateGrid(from, to, points, limits.Value.MaxCurvePoints, [activation], errors);
        var configured = ApplyQueryParameters(activation, request.Query, "from, to, points and format", errors);
        if (errors.HasErrors || configured is null)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(curves.GetCurve(configured, grid.From, grid.To, grid.Points));
    }

    internal static Results<Ok<ActivationComparisonResponse>, ValidationProblem, ProblemHttpResult> CompareActivations(
        string? names,
        double? from,
        double? to,
        int? points,
        HttpRequest request,
        ActivationCurveService curves,
        IOptions<ServiceLimitsOptions> limits)
    {
        var errors = new RequestErrors();
        if (string.IsNullOrWhiteSpace(names))
        {
            return RequestErrors.For("names", "The parameter is required: a comma-separated list of activation names, such as sigmoid,tanh.");
        }

        var activations = new List<Activation>();
        foreach (var entry in names.Split(',', StringSplitOptions.TrimEntries))
        {
            if (entry.Length == 0)
            {
                errors.Add("names", "The list contains an empty name.");
            }
            else if (!ActivationCatalog.TryGet(entry, out var activation))
            {
                return UnknownActivation(entry);
            }
            else if (activations.Contains(activation))
            {
                errors.Add("names", $"'{entry}' is listed more than once.");
            }
            else
            {
                activations.Add(activation);
            }
        }

        foreach (var key in request.Query.Keys.Where(key => !ReservedQueryKeys.Contains(key)))
        {
            errors.Add(key, "Unknown query parameter. compare uses each activation's default parameters; use curve to set them.");
        }

        var grid = ValidateGrid(from, to, points, limits.Value.MaxCurvePoints, activations, errors);
        var maxNumbers = limits.Value.MaxNumbersPerRequest;
        if (!errors.HasErrors && (long)grid.Points * activations.Count > maxNumbers)
        {
            errors.Add("points", $"{activations.Count} activations at {grid.Points} points are more than the limit of {maxNumbers} numbers; ask for fewer points or names.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(curves.GetComparison(activations, grid.From, grid.To, grid.Points));
    }

    private static Results<Ok<EvaluateActivationResponse>, ValidationProblem, ProblemHttpResult> Evaluate(
        Activation activation, double[] x, Precision precision, ILoggerFactory loggers)
    {
        var errors = new RequestErrors();
        CheckDomain(activation, x, "x", errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var stopwatch = Stopwatch.StartNew();
        var count = x.Length;
        double[] inputs;
        var values = new double[count];
        var derivatives = new double[count];
        if (precision == Precision.Single)
        {
            var singles = x.Select(value => (float)value).ToArray();
            var singleValues = new float[count];
            var singleDerivatives = new float[count];
            activation.Evaluate(singles, singleValues, singleDerivatives);
            inputs = [.. singles.Select(value => (double)value)];
            values = [.. singleValues.Select(value => (double)value)];
            derivatives = [.. singleDerivatives.Select(value => (double)value)];
        }
        else
        {
            inputs = x;
            activation.Evaluate(inputs, values, derivatives);
        }

        ActivationLog.Evaluated(loggers.CreateLogger(typeof(ActivationEndpoints)), activation.Name,
            precision == Precision.Single ? "single" : "double", count, stopwatch.Elapsed.TotalMilliseconds);
        var parameters = precision == Precision.Single
            ? activation.Parameters.ToDictionary(pair => pair.Key, pair => (double)(float)pair.Value, StringComparer.Ordinal)
            : activation.Parameters;
        return TypedResults.Ok(new EvaluateActivationResponse(activation.Name, precision, parameters, inputs, values, derivatives));
    }

    /// <summary>Checks that every point is in the activation's domain ([0, 1] for logit).</summary>
    private static void CheckDomain(Activation activation, double[] x, string field, RequestErrors errors)
    {
        var domain = activation.Info.Domain;
        if (double.IsNegativeInfinity(domain.Min) && double.IsPositiveInfinity(domain.Max))
        {
            return;
        }

        for (var i = 0; i < x.Length && errors.Count < RequestErrors.MaxReportedElements; i++)
        {
            if (!domain.Contains(x[i]))
            {
                errors.Add($"{field}[{i}]", string.Create(CultureInfo.InvariantCulture,
                    $"{activation.Name} is defined on [{domain.Min:R}, {domain.Max:R}]; the value {x[i]:R} is outside it."));
            }
        }
    }

    private static (double From, double To, int Points) ValidateGrid(
        double? from, double? to, int? points, int maxPoints, IReadOnlyList<Activation> activations, RequestErrors errors)
    {
        // An omitted end defaults to -10 or 10, moved inside every activation's domain ([0, 1] for logit),
        // so that the defaults always give a valid grid. Explicit ends are checked against the domain below.
        var start = from ?? activations.Select(activation => activation.Info.Domain.Min).Append(DefaultFrom).Max();
        var end = to ?? activations.Select(activation => activation.Info.Domain.Max).Append(DefaultTo).Min();
        var count = points ?? DefaultPoints;
        var finite = errors.Finite(start, "from") & errors.Finite(end, "to");
        if (finite && start >= end)
        {
            errors.Add("from", string.Create(CultureInfo.InvariantCulture, $"from must be less than to, but {start:R} >= {end:R}."));
        }

        if (count < 2 || count > maxPoints)
        {
            errors.Add("points", $"points must be between 2 and {maxPoints}, but was {count}.");
        }

        if (finite)
        {
            foreach (var activation in activations)
            {
                var domain = activation.Info.Domain;
                if (start < domain.Min || end > domain.Max)
                {
                    errors.Add(start < domain.Min ? "from" : "to", string.Create(CultureInfo.InvariantCulture,
                        $"{activation.Name} is defined on [{domain.Min:R}, {domain.Max:R}]; the grid must lie inside it."));
                }
            }
        }

        return (start, end, count);
    }

    private static double[]? ParseQueryNumbers(string[]? raw, string field, int maxCount, RequestErrors errors)
    {
        if (raw is null || raw.Length == 0)
        {
            errors.Add(field, "At least one point is required, as in ?x=0.5&x=-3.");
            return null;
        }

        if (raw.Length > maxCount)
        {
            errors.Add(field, $"There are {raw.Length} points, more than the limit of {maxCount}.");
            return null;
        }

        var values = new double[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            if (!double.TryParse(raw[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                AddLimited(errors, $"{field}[{i}]", $"'{raw[i]}' is not a number.");
            }
            else if (double.IsNaN(values[i]))
            {
                AddLimited(errors, $"{field}[{i}]", "NaN is not a valid input.");
            }
        }

        return values;
    }

    private static void AddLimited(RequestErrors errors, string field, string message)
    {
        if (errors.Count < RequestErrors.MaxReportedElements)
        {
            errors.Add(field, message);
        }
    }

    private static Precision ParsePrecision(string? raw, RequestErrors errors)
    {
        if (raw is null || raw.Equals("double", StringComparison.OrdinalIgnoreCase))
        {
            return Precision.Double;
        }

        if (raw.Equals("single", StringComparison.OrdinalIgnoreCase))
        {
            return Precision.Single;
        }

        errors.Add("precision", $"'{raw}' is not a precision; use double or single.");
        return Precision.Double;
    }

    /// <summary>
    /// Applies every query key outside the endpoint's own (<paramref name="endpointKeys"/>, for messages) as an
    /// activation parameter, adding an error naming the key for an unknown name or an invalid value.
    /// </summary>
    private static Activation? ApplyQueryParameters(Activation activation, IQueryCollection query, string endpointKeys, RequestErrors errors)
    {
        var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in query)
        {
            if (ReservedQueryKeys.Contains(key))
            {
                continue;
            }

            if (!activation.Info.Parameters.Any(parameter => string.Equals(parameter.Name, key, StringComparison.Ordinal)))
            {
                var own = activation.Info.Parameters.Count == 0
                    ? $"{activation.Name} has no parameters of its own"
                    : $"the parameters of {activation.Name} are {string.Join(", ", activation.Info.Parameters.Select(parameter => parameter.Name))}";
                errors.Add(key, $"Unknown query parameter '{key}'. The query parameters here are {endpointKeys}, and {own}.");
                continue;
            }

            if (value.Count != 1 || !double.TryParse(value[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                errors.Add(key, $"'{value}' is not a single number.");
                continue;
            }

            parameters[key] = number;
        }

        if (errors.HasErrors)
        {
            return null;
        }

        try
        {
            return activation.WithParameters(parameters);
        }
        catch (InvalidInputException invalid)
        {
            // The domain names the field parameters.NAME, as in a JSON body; here it is the query key.
            errors.Add(invalid.Field.Replace("parameters.", string.Empty, StringComparison.Ordinal), invalid.Message);
            return null;
        }
    }

    private static ProblemHttpResult UnknownActivation(string name) =>
        Problems.NotFound("Unknown activation",
            $"There is no activation named '{name}'. Known activations: {string.Join(", ", ActivationCatalog.All.Select(activation => activation.Name))}.");
}
