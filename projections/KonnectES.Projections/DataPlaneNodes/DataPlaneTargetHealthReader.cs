using KonnectES.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace KonnectES.Projections.DataPlaneNodes;

/// <summary>Reads the target health the data-plane nodes reported: one node's whole set, or every live node's health of some upstreams.</summary>
public sealed class DataPlaneTargetHealthReader(IEventStore store, IOptions<ReadModelOptions> options)
{
    private readonly string _schema = options.Value.Schema;

    /// <summary>What one node last reported, by upstream id then target; empty when it reported nothing.</summary>
    public async Task<IReadOnlyList<DataPlaneTargetHealth>> ListAsync(Guid controlPlaneId, Guid nodeId, CancellationToken cancellationToken = default)
    {
        await using var command = store.DataSource.CreateCommand($"""
            SELECT upstream_id, upstream, target, health FROM {_schema}.data_plane_target_health
            WHERE control_plane_id = $1 AND node_id = $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = controlPlaneId });
        command.Parameters.Add(new NpgsqlParameter { Value = nodeId });
        var targets = new List<DataPlaneTargetHealth>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            targets.Add(new DataPlaneTargetHealth(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return DataPlaneTargetHealth.Sorted(targets);
    }

    /// <summary>
    /// The health of the targets of <paramref name="upstreamIds"/> on every node of the control plane seen since
    /// <paramref name="seenSince"/>, in one query: by upstream, target, node host name and node id.
    /// </summary>
    public async Task<IReadOnlyList<DataPlaneTargetHealthRecord>> ByUpstreamsAsync(
        Guid controlPlaneId, IReadOnlyCollection<Guid> upstreamIds, DateTimeOffset seenSince, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upstreamIds);
        if (upstreamIds.Count == 0)
        {
            return [];
        }

        await using var command = store.DataSource.CreateCommand($"""
            SELECT h.node_id, h.upstream_id, h.upstream, h.target, h.health, n.last_seen
            FROM {_schema}.data_plane_target_health h
            JOIN {_schema}.data_plane_nodes n ON n.control_plane_id = h.control_plane_id AND n.node_id = h.node_id
            WHERE h.control_plane_id = $1 AND h.upstream_id = ANY($2) AND n.last_seen >= $3
            ORDER BY h.upstream_id, h.target, n.hostname, h.node_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = controlPlaneId });
        command.Parameters.Add(new NpgsqlParameter { Value = upstreamIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = seenSince });
        var records = new List<DataPlaneTargetHealthRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new DataPlaneTargetHealthRecord(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return records;
    }
}
