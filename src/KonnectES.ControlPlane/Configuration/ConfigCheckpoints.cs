using KonnectES.EventStore;
using KonnectES.Projections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using KonnectES.Domain;

namespace KonnectES.ControlPlane.Configuration;

/// <summary>
/// History checkpoints: the whole configuration of a control plane at every K-th version (K =
/// <see cref="ConfigurationOptions.CheckpointEvery"/>), so a state at any version is one checkpoint plus fewer than K
/// events, and a cold cache loads the latest checkpoint plus the tail. Unlike the event store's latest-only aggregate
/// snapshots they are kept at every multiple of K: time travel needs old versions too. Writes run off the command path.
/// </summary>
internal sealed partial class ConfigCheckpoints(IEventStore store, IOptions<ReadModelOptions> readModels, IOptions<ConfigurationOptions> options, ILogger<ConfigCheckpoints> logger)
{
    private readonly string _table = readModels.Value.Schema + ".config_checkpoints";
    private readonly object _gate = new();
    private Task _pending = Task.CompletedTask;

    public int Every => Math.Max(1, options.Value.CheckpointEvery);

    public string Ddl => $"CREATE TABLE IF NOT EXISTS {_table} (control_plane_id uuid NOT NULL, version bigint NOT NULL, state json NOT NULL, PRIMARY KEY (control_plane_id, version))";

    /// <summary>Completes when every checkpoint write started so far has finished.</summary>
    public Task WhenWrittenAsync()
    {
        lock (_gate)
        {
            return _pending;
        }
    }

    /// <summary>The latest checkpoint at or before <paramref name="version"/>, or null.</summary>
    public async Task<ControlPlaneConfig?> LoadAsync(Guid controlPlaneId, long version, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand(
            $"SELECT version, state::text FROM {_table} WHERE control_plane_id = $1 AND version <= $2 ORDER BY version DESC LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter { Value = controlPlaneId });
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ConfigCheckpoint.Restore(controlPlaneId, reader.GetInt64(0), reader.GetString(1)) : null;
    }

    /// <summary>Stores a checkpoint of <paramref name="state"/> in the background when its version is a multiple of K.</summary>
    public void Offer(ControlPlaneConfig state)
    {
        if (state.Version == 0 || state.Version % Every != 0)
        {
            return;
        }

        lock (_gate)
        {
            var previous = _pending;
            _pending = Task.Run(async () =>
            {
                await previous;
                await SaveAsync(state);
            });
        }
    }

    private async Task SaveAsync(ControlPlaneConfig state)
    {
        try
        {
            await using var command = store.DataSource.CreateCommand(
                $"INSERT INTO {_table} (control_plane_id, version, state) VALUES ($1, $2, $3::json) ON CONFLICT DO NOTHING");
            command.Parameters.Add(new NpgsqlParameter { Value = state.ControlPlaneId });
            command.Parameters.Add(new NpgsqlParameter { Value = state.Version });
            command.Parameters.Add(new NpgsqlParameter { Value = ConfigCheckpoint.Serialize(state) });
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ObjectDisposedException)
        {
            // A lost checkpoint only makes a later replay longer.
            Log.CheckpointFailed(logger, ex, state.ControlPlaneId, state.Version);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Could not store the history checkpoint of control plane {ControlPlaneId} at version {Version}")]
        public static partial void CheckpointFailed(ILogger logger, Exception exception, Guid controlPlaneId, long version);
    }
}
