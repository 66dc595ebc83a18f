using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SigmoidService.Inference.Models;

/// <summary>
/// Loads the models when the host starts and warms them up in the background. A required model that is
/// missing or corrupt makes <see cref="StartAsync"/> throw, which stops the host before it serves anything;
/// one that fails its warm-up run stops the application. Until the warm-up ends the repository is not
/// ready, so the readiness checks return 503.
/// </summary>
public sealed partial class ModelStartupService(
    ModelRepository repository,
    IHostApplicationLifetime lifetime,
    ILogger<ModelStartupService> logger) : IHostedService
{
    private Task _warmUp = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            repository.Load();
        }
        catch (ModelLoadException exception)
        {
            LogStartFailed(logger, exception.Message);
            throw;
        }

        _warmUp = Task.Run(WarmUp, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _warmUp.WaitAsync(cancellationToken);

    private void WarmUp()
    {
        try
        {
            repository.WarmUp();
        }
        catch (ModelLoadException exception)
        {
            LogStartFailed(logger, exception.Message);
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Critical, Message = "The service cannot start because a required model is unusable: {Reason}")]
    private static partial void LogStartFailed(ILogger logger, string reason);
}
