using System.Security.Cryptography;
using System.Text;
using KonnectES.EventStore;
using KonnectES.Projections;
using KonnectES.Projections.ControlPlanes;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KonnectES.Server.Hosting;

/// <summary>
/// Registers a data-plane token given in the environment (<c>KONNECTES_DP_TOKEN</c>, or the embedded data plane's
/// internal one) as a token of a control plane, idempotently: only its SHA-256 is stored, under a fixed name, so every
/// control-plane node started with the same value agrees and a changed value replaces the previous one. It waits for
/// the control plane to exist (another node may be creating it).
/// </summary>
internal sealed partial class DataPlaneTokenRegistration(
    DataPlaneTokenSetting setting, IEventStore store, IOptions<ReadModelOptions> options, ControlPlaneRecordReader controlPlanes,
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
                    await RegisterAsync(controlPlane.Id, stoppingToken);
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

    private async Task RegisterAsync(Guid controlPlaneId, CancellationToken cancellationToken)
    {
        var schema = options.Value.Schema;
        await using var command = store.DataSource.CreateCommand($"""
            INSERT INTO {schema}.data_plane_tokens (id, control_plane_id, token_hash, created_at, created_by, name)
            VALUES ($1, $2, $3, now(), $4, $5)
            ON CONFLICT (control_plane_id, name) DO UPDATE SET token_hash = EXCLUDED.token_hash, revoked_at = NULL
            WHERE {schema}.data_plane_tokens.token_hash <> EXCLUDED.token_hash OR {schema}.data_plane_tokens.revoked_at IS NOT NULL
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
        command.Parameters.Add(new NpgsqlParameter { Value = controlPlaneId });
        command.Parameters.Add(new NpgsqlParameter { Value = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(setting.Token))) });
        command.Parameters.Add(new NpgsqlParameter { Value = Actor });
        command.Parameters.Add(new NpgsqlParameter { Value = setting.Name });
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // The same token is already registered (by another node, or under another name): nothing to do.
        }
    }

    [LoggerMessage(EventId = 4901, Level = LogLevel.Information, Message = "Registered the data-plane token '{Name}' for the control plane '{ControlPlane}'")]
    private static partial void LogRegistered(ILogger logger, string name, string controlPlane);

    [LoggerMessage(EventId = 4902, Level = LogLevel.Information, Message = "Waiting for the control plane '{ControlPlane}' to register the data-plane token")]
    private static partial void LogWaiting(ILogger logger, string controlPlane);

    [LoggerMessage(EventId = 4903, Level = LogLevel.Warning, Message = "Registering the data-plane token failed, retrying: {Message}")]
    private static partial void LogFailed(ILogger logger, string message);
}
