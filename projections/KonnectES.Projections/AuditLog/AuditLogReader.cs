using System.Text;
using KonnectES.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KonnectES.Projections.AuditLog;

/// <summary>Reads the audit log: filtered pages newest first, and the version a control plane had at a point in time.</summary>
public sealed class AuditLogReader(IEventStore store, IOptions<ReadModelOptions> options)
{
    private readonly string _schema = options.Value.Schema;

    /// <summary>One page of entries, newest first; pass the last entry's version as the next query's <see cref="AuditLogQuery.BeforeVersion"/>.</summary>
    public async Task<IReadOnlyList<AuditLogEntry>> ReadAsync(AuditLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder(
            $"""
            SELECT control_plane_id, version, event_id, event_type, entity_type, entity_id, entity_name, change, change_count,
                actor, occurred_at, reason, correlation_id, causation_id, body::text
            FROM {_schema}.audit_log a WHERE a.control_plane_id = $1
            """);
        var parameters = new List<object> { query.ControlPlaneId };
        AppendFilters(sql, parameters, query);
        if (query.BeforeVersion is { } before)
        {
            parameters.Add(before);
            sql.Append(" AND a.version < $" + parameters.Count);
        }

        parameters.Add(Math.Clamp(query.First, 1, 1000));
        sql.Append(" ORDER BY a.version DESC LIMIT $" + parameters.Count);
        await using var command = store.DataSource.CreateCommand(sql.ToString());
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var entries = new List<AuditLogEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditLogEntry(
                reader.GetGuid(0), reader.GetInt64(1), reader.GetGuid(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetGuid(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetFieldValue<DateTimeOffset>(10),
                reader.IsDBNull(11) ? null : reader.GetString(11), reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetString(13), reader.GetString(14)));
        }

        return entries;
    }

    /// <summary>The config version at <paramref name="at"/>: the last event appended at or before it (0 before the first).</summary>
    public async Task<long> VersionAtAsync(Guid controlPlaneId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var command = store.DataSource.CreateCommand(
            $"SELECT coalesce(max(version), 0) FROM {_schema}.audit_log WHERE control_plane_id = $1 AND occurred_at <= $2");
        command.Parameters.Add(new NpgsqlParameter { Value = controlPlaneId });
        command.Parameters.Add(new NpgsqlParameter { Value = at });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>How many entries match the query's filters (its cursor and page size are ignored).</summary>
    public async Task<long> CountAsync(AuditLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder($"SELECT count(*) FROM {_schema}.audit_log a WHERE a.control_plane_id = $1");
        var parameters = new List<object> { query.ControlPlaneId };
        AppendFilters(sql, parameters, query);
        await using var command = store.DataSource.CreateCommand(sql.ToString());
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The history filters (entity kind, entity id, actor, time range) as positional predicates.</summary>
    private void AppendFilters(StringBuilder sql, List<object> parameters, AuditLogQuery query)
    {
        void Where(string predicate, object value)
        {
            parameters.Add(value);
            sql.Append(" AND ").Append(predicate.Replace("$?", "$" + parameters.Count, StringComparison.Ordinal));
        }

        if (query.EntityType is { } type)
        {
            Where($"a.version IN (SELECT c.version FROM {_schema}.audit_log_changes c WHERE c.control_plane_id = $1 AND c.entity_type = $?)", type.ToString());
        }

        if (query.EntityId is { } id)
        {
            Where($"a.version IN (SELECT c.version FROM {_schema}.audit_log_changes c WHERE c.control_plane_id = $1 AND c.entity_id = $?)", id);
        }

        if (query.Actor is { } actor)
        {
            Where("a.actor = $?", actor);
        }

        if (query.Since is { } since)
        {
            Where("a.occurred_at >= $?", since);
        }

        if (query.Until is { } until)
        {
            Where("a.occurred_at < $?", until);
        }
    }
}
