using KonnectES.ControlPlane.Auth;
using KonnectES.Projections.ControlPlanes;
using Npgsql;

namespace KonnectES.Server.Hosting;

/// <summary>
/// Registers a data-plane token given in the environment (<c>KONNECTES_DP_TOKEN</c>, or the embedded data plane's
/// internal one) as a token of a control plane, idempotently: only its SHA-256 is stored, under a fixed name, so every
/// control-plane node started with the same value agrees and a changed value replaces the previous one. It waits for
/// the control plane to exist (another node may be creating it).
/// </summary>
internal sealed partial class DataPlaneTokenRegistration(
    DataPlaneTokenSetting setting, ApiTokenStore tokens, ControlPlaneRecordReader controlPlanes,
    ILogger<DataPlaneTokenRegistration> logger) : BackgroundService
{
    private const string Actor = "system:bootstrap";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 0; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                if (await controlPlanes.GetByNameAsync(setting.ControlPlaneName, stoppingToken) is { } controlPlane)
                {
                    await tokens.RegisterDataPlaneTokenAsync(controlPlane.Id, setting.Name, setting.Token, Actor, stoppingToken);
                    LogRegistered(logger, setting.Name, setting.ControlPlaneName);
                    return;
                }

                if (attempt == 0)
                {
                    LogWaiting(logger, setting.ControlPlaneName);
                }
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
            {
                LogFailed(logger, exception.Message);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 4901, Level = LogLevel.Information, Message = "Registered the data-plane token '{Name}' for the control plane '{ControlPlane}'")]
    private static partial void LogRegistered(ILogger logger, string name, string controlPlane);

    [LoggerMessage(EventId = 4902, Level = LogLevel.Information, Message = "Waiting for the control plane '{ControlPlane}' to register the data-plane token")]
    private static partial void LogWaiting(ILogger logger, string controlPlane);

    [LoggerMessage(EventId = 4903, Level = LogLevel.Warning, Message = "Registering the data-plane token failed, retrying: {Message}")]
    private static partial void LogFailed(ILogger logger, string message);
}
