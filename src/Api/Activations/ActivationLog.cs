namespace SigmoidService.Api.Activations;

/// <summary>Source-generated log messages of the activation endpoints.</summary>
internal static partial class ActivationLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Evaluated {Activation} in {Precision} precision at {Count} points in {ElapsedMs:0.000} ms")]
    public static partial void Evaluated(ILogger logger, string activation, string precision, int count, double elapsedMs);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Computed {Kind} of {Activations} at {Points} points in {ElapsedMs:0.000} ms")]
    public static partial void CurveComputed(ILogger logger, string kind, string activations, int points, double elapsedMs);
}
