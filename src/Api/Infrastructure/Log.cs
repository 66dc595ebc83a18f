namespace SigmoidService.Api.Infrastructure;

/// <summary>Source-generated log messages of the request pipeline.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Rejected {Method} {Path} with {StatusCode}: {Reason}")]
    public static partial void RequestRejected(ILogger logger, string method, string path, int? statusCode, string reason);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Request {Method} {Path} was cancelled by the client")]
    public static partial void RequestCancelled(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path} (trace {TraceId})")]
    public static partial void UnhandledException(ILogger logger, Exception exception, string method, string path, string traceId);
}
