using KonnectES.EventStore;
using Microsoft.Extensions.Options;

namespace KonnectES.Projections.Analytics;

/// <summary>Configuration changes per day, actor and entity kind, counted from the audit log.</summary>
public sealed class ConfigChangeAnalyticsReader(IEventStore store, IOptions<ReadModelOptions> options)
{
    private readonly string _schema = options.Value.Schema;

    /// <summary>The counts of changes made from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), by day, actor and kind.</summary>
    public async Task<IReadOnlyList<ConfigChangeCount>> QueryAsync(Guid controlPlaneId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var command = store.DataSource.CreateCommand(
            $"""
            SELECT date_trunc('day', a.occurred_at, 'UTC') AS day, a.actor, c.entity_type, count(*)
            FROM {_schema}.audit_log a JOIN {_schema}.audit_log_changes c ON c.control_plane_id = a.control_plane_id AND c.version = a.version
            WHERE a.control_plane_id = $1 AND a.occurred_at >= $2 AND a.occurred_at < $3
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = controlPlaneId });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = from.ToUniversalTime() });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = to.ToUniversalTime() });
        var counts = new List<ConfigChangeCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new ConfigChangeCount(
                reader.GetFieldValue<DateTimeOffset>(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
        }

        return counts;
    }
}
