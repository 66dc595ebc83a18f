using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SigmoidService.Api.Infrastructure;
using SigmoidService.Domain.LogisticRegression;
using Swashbuckle.AspNetCore.SwaggerGen;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace SigmoidService.Api.LogisticRegression;

/// <summary>Fitting, fetching, predicting with and drawing logistic-regression models under <c>/logistic-regression</c>.</summary>
public static class LogisticRegressionEndpoints
{
    private const string LoggerName = "SigmoidService.Api.LogisticRegression";
    private const int DefaultCurvePoints = 101;

    /// <summary>Registers the model store and the fit limits.</summary>
    public static IServiceCollection AddLogisticRegression(this IServiceCollection services)
    {
        services.AddOptions<LogisticRegressionLimitsOptions>()
            .BindConfiguration(LogisticRegressionLimitsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<LogisticModelStore>();
        services.Configure<SwaggerGenOptions>(options => options.SchemaFilter<LabelSchemaFilter>());
        return services;
    }

    public static RouteGroupBuilder MapLogisticRegression(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/logistic-regression").WithTags("Logistic regression");

        group.MapPost("/fit", Fit)
            .WithName("FitLogisticRegression")
            .WithSummary("Fits a binary logistic regression and keeps the model for predictions")
            .WithDescription("Minimises scikit-learn's objective, C * sum_i s_i * logloss_i + 0.5 * ||w||^2 (intercept not "
                + "penalised) for penalty l2, or the weighted negative log-likelihood for penalty none, to the exact optimum with "
                + "Newton's method on standardised features (L-BFGS above 1024 parameters). Penalty none adds statsmodels' Logit "
                + "statistics, intercept first; separated classes are named in warnings and their statistics are NaN. Send JSON, "
                + "or text/csv with a header row, the label in the last column (or the column named by ?label=) and the options "
                + "as query parameters (?penalty=none&c=0.5). Labels are 0/1, booleans or two strings; the second class in sorted "
                + "order is the positive one. The model is kept in memory with a sliding expiry.")
            .Accepts<LogisticRegressionFitRequest>("application/json", "text/csv")
            .WithRequestExample(new LogisticRegressionFitRequest(
                [[0.5, 1.2], [1.5, -0.3], [-0.7, 0.8], [2.2, 0.1], [-1.4, -1.0], [0.9, 0.4]],
                [LabelValue.FromNumber(0), LabelValue.FromNumber(1), LabelValue.FromNumber(0), LabelValue.FromNumber(1), LabelValue.FromNumber(0), LabelValue.FromNumber(1)],
                null,
                new LogisticRegressionFitOptions(LogisticPenalty.L2, 1.0, true, null, 100, 1e-8)))
            .WithTextRequestExample("text/csv",
                "Comma-separated rows with a header row; the label is the last column unless ?label= names another.",
                "x1,x2,label\n0.5,1.2,0\n1.5,-0.3,1\n-0.7,0.8,0\n2.2,0.1,1\n-1.4,-1.0,0\n0.9,0.4,1\n")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/models/{modelId}", GetModel)
            .WithName("GetLogisticRegressionModel")
            .WithSummary("Returns a fitted model as fit returned it")
            .WithDescription("Unknown or expired model ids are a 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/models/{modelId}/predict", Predict)
            .WithName("PredictLogisticRegression")
            .WithSummary("Predicts probabilities, classes and log-odds for rows of features")
            .WithDescription("Each row needs the model's feature count. probabilities are P(positive class); labels are "
                + "the positive class where the decision function is above 0, as in scikit-learn.")
            .WithRequestExample(new LogisticRegressionPredictRequest([[0.3, -0.2], [1.8, 0.5]]))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/models/{modelId}/curve", Curve)
            .WithName("GetLogisticRegressionCurve")
            .WithSummary("Returns a one-feature model's probability curve with its training points")
            .WithDescription("P(positive | x) on an even grid from 'from' to 'to' (default: the training range widened by "
                + "10 % on each side) with 'points' points (default 101), the decision boundary and the training points. "
                + "Models with more than one feature are a 422.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return group;
    }

    internal static async Task<Results<Ok<LogisticRegressionFitResponse>, ValidationProblem, ProblemHttpResult>> Fit(
        HttpRequest request,
        IOptions<ServiceLimitsOptions> limits,
        IOptions<LogisticRegressionLimitsOptions> fitLimits,
        IOptions<JsonOptions> json,
        LogisticModelStore store,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(LoggerName);
        var maxNumbers = limits.Value.MaxNumbersPerRequest;
        var errors = new RequestErrors();
        var mediaType = request.ContentType is { } contentType && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            ? parsed.MediaType.Value ?? string.Empty
            : string.Empty;

        FitInput? input;
        if (mediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            CsvTable? table;
            try
            {
                using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true);
                table = await CsvTable.ReadAsync(reader, (long)maxNumbers + 100_000, cancellationToken);
            }
            catch (CsvTooLargeException tooLarge)
            {
                return RequestErrors.For("features", $"The table has more than {tooLarge.MaxCells} cells, more than the limit of {maxNumbers} numbers.");
            }
            catch (FormatException format)
            {
                return RequestErrors.For("body", format.Message);
            }

            if (table is null)
            {
                return RequestErrors.For("body", "The CSV is empty; send a header row and data rows.");
            }

            input = FitInputReader.FromCsv(table, request.Query, maxNumbers, errors);
        }
        else if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            LogisticRegressionFitRequest? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<LogisticRegressionFitRequest>(request.Body, json.Value.SerializerOptions, cancellationToken);
            }
            catch (JsonException malformed)
            {
                // GlobalExceptionHandler turns this into the same problem as a malformed body bound by the framework.
                throw new BadHttpRequestException("The request body is not valid JSON for this endpoint.", StatusCodes.Status400BadRequest, malformed);
            }

            if (body is null)
            {
                return RequestErrors.For("body", "The request body is required.");
            }

            input = FitInputReader.FromJson(body, maxNumbers, errors);
        }
        else
        {
            return Problems.UnsupportedMediaType($"The Content-Type '{request.ContentType}' is not supported here; send application/json or text/csv.");
        }

        if (input is null)
        {
            return errors.ToProblem();
        }

        if (!input.Labels.HasBothClasses)
        {
            return Problems.Unprocessable("Only one class", $"Every label is '{input.Labels.ClassKey(input.Labels.Targets[0])}'; a fit needs two classes.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(fitLimits.Value.FitTimeLimit);
        var watch = Stopwatch.StartNew();
        LogisticRegressionFit fit;
        try
        {
            fit = LogisticRegressionTrainer.Fit(input.Features, input.Labels.Targets, input.SampleWeights, input.Options, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Abandoned a logistic-regression fit of {Rows} x {Columns} after {ElapsedMs:0} ms", input.Features.Rows, input.Features.Columns, watch.Elapsed.TotalMilliseconds);
            return Problems.Unprocessable("Fit timed out", $"The fit did not finish within {fitLimits.Value.FitTimeLimit.TotalSeconds:0} s; send fewer rows or features, or lower maxIterations.");
        }

        var response = ToResponse(Guid.NewGuid().ToString("N"), input, fit);
        var oneFeature = input.Features.Columns == 1;
        store.Add(new StoredLogisticModel(
            response,
            fit.Model,
            oneFeature ? input.Features.Values : null,
            oneFeature ? input.Labels.Targets : null));
        logger.LogInformation(
            "Fitted logistic regression {ModelId}: {Rows} x {Columns}, penalty {Penalty}, {Solver}, {Iterations} iterations, converged {Converged}, {ElapsedMs:0.0} ms",
            response.ModelId, input.Features.Rows, input.Features.Columns, input.Options.Penalty, fit.Solver, fit.Iterations, fit.Converged, watch.Elapsed.TotalMilliseconds);
        return TypedResults.Ok(response);
    }

    internal static Results<Ok<LogisticRegressionFitResponse>, ProblemHttpResult> GetModel(string modelId, LogisticModelStore store) =>
        store.TryGet(modelId, out var model)
            ? TypedResults.Ok(model!.Response)
            : ModelNotFound(modelId);

    internal static Results<Ok<LogisticRegressionPredictResponse>, ValidationProblem, ProblemHttpResult> Predict(
        string modelId, LogisticRegressionPredictRequest request, IOptions<ServiceLimitsOptions> limits, LogisticModelStore store)
    {
        if (!store.TryGet(modelId, out var stored))
        {
            return ModelNotFound(modelId);
        }

        var errors = new RequestErrors();
        var features = FitInputReader.ReadFeatures(request.Features, "features", limits.Value.MaxNumbersPerRequest, errors, stored!.Model.FeatureCount);
        if (features is null)
        {
            return errors.ToProblem();
        }

        var probabilities = new double[features.Rows];
        var decision = new double[features.Rows];
        var labels = new LabelValue[features.Rows];
        var classes = stored.Response.Classes;
        for (var i = 0; i < features.Rows; i++)
        {
            decision[i] = stored.Model.DecisionFunction(features.Row(i));
            probabilities[i] = LogisticRegressionModel.Sigmoid(decision[i]);
            labels[i] = classes[decision[i] > 0 ? 1 : 0];
        }

        return TypedResults.Ok(new LogisticRegressionPredictResponse(modelId, probabilities, labels, decision));
    }

    internal static Results<Ok<LogisticCurveResponse>, ValidationProblem, ProblemHttpResult> Curve(
        string modelId, double? from, double? to, int? points, IOptions<ServiceLimitsOptions> limits, LogisticModelStore store)
    {
        if (!store.TryGet(modelId, out var stored))
        {
            return ModelNotFound(modelId);
        }

        if (stored!.TrainingX is not { } trainingX || stored.TrainingTargets is not { } targets)
        {
            return Problems.Unprocessable("Curve needs one feature", $"The model has {stored.Model.FeatureCount} features; a probability curve is drawn only for one-feature models.");
        }

        var errors = new RequestErrors();
        var count = points ?? DefaultCurvePoints;
        if (count < 2 || count > limits.Value.MaxCurvePoints)
        {
            errors.Add("points", $"points must be between 2 and {limits.Value.MaxCurvePoints}.");
        }

        var low = trainingX.Min();
        var high = trainingX.Max();
        var margin = high > low ? 0.1 * (high - low) : 1.0;
        var start = from ?? (low - margin);
        var end = to ?? (high + margin);
        errors.Finite(start, "from");
        errors.Finite(end, "to");
        if (double.IsFinite(start) && double.IsFinite(end) && !(start < end))
        {
            errors.Add("to", "'to' must be greater than 'from'.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var x = new double[count];
        var probabilities = new double[count];
        var step = (end - start) / (count - 1);
        for (var i = 0; i < count; i++)
        {
            x[i] = i == count - 1 ? end : start + (i * step);
            probabilities[i] = stored.Model.Probability([x[i]]);
        }

        var coefficient = stored.Model.Coefficients[0];
        var intercept = stored.Model.Intercept;
        var classes = stored.Response.Classes;
        return TypedResults.Ok(new LogisticCurveResponse(
            modelId,
            classes,
            coefficient,
            intercept,
            coefficient != 0 ? -intercept / coefficient : null,
            x,
            probabilities,
            new LogisticCurvePoints(trainingX, targets, [.. targets.Select(t => classes[t])])));
    }

    private static ProblemHttpResult ModelNotFound(string modelId) =>
        Problems.NotFound("Model not found", $"No fitted model has the id '{modelId}'; it may have expired. Fit again to get a new id.");

    private static LogisticRegressionFitResponse ToResponse(string modelId, FitInput input, LogisticRegressionFit fit)
    {
        var statistics = fit.Statistics is { } s
            ? new FitStatisticsResponse(
                [.. s.StandardErrors],
                [.. s.ZValues],
                [.. s.PValues],
                [.. s.ConfidenceIntervals.Select(interval => new[] { interval.Lower, interval.Upper })],
                s.LogLikelihood,
                s.NullLogLikelihood,
                s.PseudoRSquared,
                s.Aic,
                s.Bic)
            : null;
        var metrics = fit.TrainingMetrics;
        return new LogisticRegressionFitResponse(
            modelId,
            input.Labels.Classes,
            [.. fit.Model.Coefficients],
            fit.Model.Intercept,
            fit.Converged,
            fit.Iterations,
            [.. fit.Warnings],
            new TrainingMetricsResponse(metrics.Accuracy, metrics.LogLoss, metrics.RocAuc),
            statistics,
            fit.Solver,
            fit.Objective,
            fit.GradientNorm,
            input.Features.Columns,
            input.Features.Rows);
    }
}
