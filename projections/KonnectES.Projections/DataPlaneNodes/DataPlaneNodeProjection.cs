using System.Text.Json;
using KonnectES.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KonnectES.Projections.DataPlaneNodes;

/// <summary>
/// Inline projection of the nodes' reports into <c>data_plane_nodes</c>. A report's errors become the node's last error;
/// an empty error list clears it only when the node applied another snapshot (a heartbeat right after a refusal does not
/// hide the refusal). A node's target health replaces its rows in <c>data_plane_target_health</c> as a whole.
/// </summary>
public sealed class DataPlaneNodeProjection(IOptions<ReadModelOptions> options) : IProjection
{
    private readonly string _schema = options.Value.Schema;

    /// <inheritdoc />
    public string Name => "data_plane_nodes";

    private string ReportedSql => $"""
        INSERT INTO {_schema}.data_plane_nodes AS n (control_plane_id, node_id, hostname, version, labels, first_seen, last_seen,
            config_version, config_hash, snapshot_hash, last_error, last_error_details, stream_version)
        VALUES ($1, $2, $3, $4, $5::jsonb, $6, $6, $7, $8, $9, $10, $11::jsonb, $12)
        ON CONFLICT (control_plane_id, node_id) DO UPDATE SET hostname = excluded.hostname, version = excluded.version,
            labels = excluded.labels, last_seen = greatest(n.last_seen, excluded.last_seen), config_version = excluded.config_version,
            config_hash = excluded.config_hash, snapshot_hash = excluded.snapshot_hash,
            last_error = CASE WHEN excluded.last_error IS NOT NULL THEN excluded.last_error
                WHEN n.snapshot_hash IS DISTINCT FROM excluded.snapshot_hash THEN NULL ELSE n.last_error END,
            last_error_details = CASE WHEN excluded.last_error IS NOT NULL THEN excluded.last_error_details
                WHEN n.snapshot_hash IS DISTINCT FROM excluded.snapshot_hash THEN '[]'::jsonb ELSE n.last_error_details END,
            stream_version = excluded.stream_version
        """;

    private string RefusedSql => $"""
        INSERT INTO {_schema}.data_plane_nodes AS n (control_plane_id, node_id, hostname, version, labels, first_seen, last_seen,
            config_version, last_error, last_error_details, refused_version, refused_snapshot_hash, stream_version)
        VALUES ($1, $2, '', '', jsonb_build_object(), $3, $3, 0, $4, $5::jsonb, $6, $7, $8)
        ON CONFLICT (control_plane_id, node_id) DO UPDATE SET last_seen = greatest(n.last_seen, excluded.last_seen),
            last_error = excluded.last_error, last_error_details = excluded.last_error_details,
            refused_version = excluded.refused_version, refused_snapshot_hash = excluded.refused_snapshot_hash,
            stream_version = excluded.stream_version
        """;

    private string ClearHealthSql => $"DELETE FROM {_schema}.data_plane_target_health WHERE control_plane_id = $1 AND node_id = $2";

    private string InsertHealthSql => $"""
        INSERT INTO {_schema}.data_plane_target_health (control_plane_id, node_id, upstream_id, upstream, target, health)
        SELECT $1, $2, t.upstream_id, t.upstream, t.target, t.health
        FROM jsonb_to_recordset($3::jsonb) AS t(upstream_id uuid, upstream text, target text, health text)
        ON CONFLICT DO NOTHING
        """;

    private string HealthChangedSql => $"""
        UPDATE {_schema}.data_plane_nodes SET health_changed_at = $3, stream_version = $4 WHERE control_plane_id = $1 AND node_id = $2
        """;

    /// <inheritdoc />
    public Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var envelope in events)
        {
            switch (envelope.Data)
            {
                case DataPlaneNodeReported r:
                    context.AddCommand(
                        ReportedSql, r.ControlPlaneId, r.NodeId, r.Hostname, r.Version, JsonSerializer.Serialize(r.Labels), envelope.Timestamp,
                        r.ConfigVersion, r.ConfigHash, r.SnapshotHash, r.Errors.Count > 0 ? r.Errors[0] : null,
                        JsonSerializer.Serialize(r.Errors), envelope.Version);
                    break;
                case DataPlaneNodeRefusedSnapshot n:
                    context.AddCommand(
                        RefusedSql, n.ControlPlaneId, n.NodeId, envelope.Timestamp, n.Error, JsonSerializer.Serialize(n.Details),
                        n.Version, n.SnapshotHash, envelope.Version);
                    break;
                case DataPlaneNodeTargetHealthChanged h:
                    context.AddCommand(ClearHealthSql, h.ControlPlaneId, h.NodeId);
                    context.AddCommand(InsertHealthSql, h.ControlPlaneId, h.NodeId, JsonSerializer.Serialize(h.Targets.Select(t => new Dictionary<string, object>
                    {
                        ["upstream_id"] = t.UpstreamId, ["upstream"] = t.Upstream, ["target"] = t.Target, ["health"] = t.Health,
                    })));
                    context.AddCommand(HealthChangedSql, h.ControlPlaneId, h.NodeId, envelope.Timestamp, envelope.Version);
                    break;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task ResetAsync(ProjectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using (var command = new NpgsqlCommand(DataPlaneNodeSchema.Ddl(_schema), context.Connection, context.Transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        context.AddCommand($"TRUNCATE {_schema}.data_plane_nodes, {_schema}.data_plane_target_health");
    }
}
