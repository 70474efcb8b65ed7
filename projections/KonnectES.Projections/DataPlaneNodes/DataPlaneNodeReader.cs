using System.Text.Json;
using KonnectES.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KonnectES.Projections.DataPlaneNodes;

/// <summary>Reads the data-plane nodes, and moves a node's <c>last_seen</c> in place for heartbeats that change nothing else.</summary>
public sealed class DataPlaneNodeReader(IEventStore store, IOptions<ReadModelOptions> options)
{
    private const string Columns = """
        control_plane_id, node_id, hostname, version, labels::text, first_seen, last_seen, config_version, config_hash, snapshot_hash,
        last_error, last_error_details::text, refused_version, refused_snapshot_hash, stream_version, health_changed_at
        """;

    private readonly string _schema = options.Value.Schema;

    /// <summary>The nodes of a control plane, by host name then id.</summary>
    public async Task<IReadOnlyList<DataPlaneNodeRecord>> ListAsync(Guid controlPlaneId, CancellationToken cancellationToken = default)
    {
        await using var command = store.DataSource.CreateCommand(
            $"SELECT {Columns} FROM {_schema}.data_plane_nodes WHERE control_plane_id = $1 ORDER BY hostname, node_id");
        command.Parameters.Add(new NpgsqlParameter { Value = controlPlaneId });
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>One node of a control plane, or null when it never reported.</summary>
    public async Task<DataPlaneNodeRecord?> GetAsync(Guid controlPlaneId, Guid nodeId, CancellationToken cancellationToken = default)
    {
        await using var command = store.DataSource.CreateCommand(
            $"SELECT {Columns} FROM {_schema}.data_plane_nodes WHERE control_plane_id = $1 AND node_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = controlPlaneId });
        command.Parameters.Add(new NpgsqlParameter { Value = nodeId });
        var nodes = await ReadAsync(command, cancellationToken);
        return nodes.Count == 0 ? null : nodes[0];
    }

    /// <summary>
    /// Moves a node's <c>last_seen</c> forward, in place: a heartbeat that changes nothing else is not worth an event.
    /// False when the node has no record yet.
    /// </summary>
    public async Task<bool> TouchAsync(Guid controlPlaneId, Guid nodeId, DateTimeOffset seenAt, CancellationToken cancellationToken = default)
    {
        await using var command = store.DataSource.CreateCommand(
            $"UPDATE {_schema}.data_plane_nodes SET last_seen = greatest(last_seen, $3) WHERE control_plane_id = $1 AND node_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = controlPlaneId });
        command.Parameters.Add(new NpgsqlParameter { Value = nodeId });
        command.Parameters.Add(new NpgsqlParameter { Value = seenAt });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<IReadOnlyList<DataPlaneNodeRecord>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var nodes = new List<DataPlaneNodeRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            nodes.Add(new DataPlaneNodeRecord(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(4)) ?? [],
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetInt64(7),
                Text(reader, 8), Text(reader, 9), Text(reader, 10),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(11)) ?? [],
                reader.IsDBNull(12) ? null : reader.GetInt64(12), Text(reader, 13), reader.GetInt64(14),
                reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15)));
        }

        return nodes;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
