using System.Text;
using KonnectES.Domain;
using KonnectES.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KonnectES.Projections.Entities;

/// <summary>Reads the entity tables for the portal: every document it returns has its secrets masked.</summary>
public sealed class EntityRecordReader(IEventStore store, IOptions<ReadModelOptions> options)
{
    private readonly string _schema = options.Value.Schema;

    /// <summary>One page of entities ordered by id.</summary>
    public async Task<IReadOnlyList<EntityRecord>> ListAsync(EntityQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (sql, parameters) = Build(query, "*");
        parameters.Add(Math.Clamp(query.First, 1, 1000));
        sql.Append(" ORDER BY id LIMIT $" + parameters.Count);
        return await ReadAsync(query.EntityType, sql.ToString(), parameters, cancellationToken);
    }

    /// <summary>How many entities match the query's filters (the cursor and page size are ignored).</summary>
    public async Task<long> CountAsync(EntityQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (sql, parameters) = Build(query with { After = null }, "count");
        await using var command = store.DataSource.CreateCommand(sql.ToString());
        parameters.ForEach(p => command.Parameters.Add(new NpgsqlParameter { Value = p }));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>One entity by id, or null.</summary>
    public async Task<EntityRecord?> GetAsync(Guid controlPlaneId, EntityType type, Guid id, CancellationToken cancellationToken = default)
    {
        var table = EntityTable.Of(type).Table;
        var rows = await ReadAsync(type, $"SELECT {Columns} FROM {_schema}.{table} WHERE control_plane_id = $1 AND id = $2", [controlPlaneId, id], cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    private const string Columns = "control_plane_id, id, name, coalesce(masked_document, document)::text, created_at, updated_at, updated_version";

    private (StringBuilder Sql, List<object> Parameters) Build(EntityQuery query, string what)
    {
        var table = EntityTable.Of(query.EntityType);
        var columns = table.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var sql = new StringBuilder(what == "count" ? "SELECT count(*)" : $"SELECT {Columns}");
        sql.Append($" FROM {_schema}.{table.Table} WHERE control_plane_id = $1");
        var parameters = new List<object> { query.ControlPlaneId };
        void Where(string predicate, object value)
        {
            parameters.Add(value);
            sql.Append(" AND ").Append(predicate.Replace("$?", "$" + parameters.Count, StringComparison.Ordinal));
        }

        void Column(string column, Guid? value, string filter)
        {
            if (value is null)
            {
                return;
            }

            if (!columns.Contains(column))
            {
                throw new ArgumentException($"The filter '{filter}' does not apply to {table.Table}.", nameof(query));
            }

            Where($"{column} = $?", value.Value);
        }

        if (query.Name is { } name)
        {
            Where("name = $?", name);
        }

        if (query.Tags is { Count: > 0 } tags)
        {
            Where("tags @> $?::text[]", tags.ToArray());
        }

        if (query.Search is { Length: > 0 } search)
        {
            var pattern = "%" + search.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            Where(columns.Contains("custom_id") ? "(name ILIKE $? OR custom_id ILIKE $?)" : "name ILIKE $?", pattern);
        }

        Column("service_id", query.ServiceId, "serviceId");
        Column("route_id", query.RouteId, "routeId");
        Column("consumer_id", query.ConsumerId, "consumerId");
        Column("consumer_group_id", query.ConsumerGroupId, "consumerGroupId");
        Column("upstream_id", query.UpstreamId, "upstreamId");
        Column("certificate_id", query.CertificateId, "certificateId");
        if (query.Global is { } global)
        {
            if (query.EntityType != EntityType.Plugin)
            {
                throw new ArgumentException("The filter 'global' applies to plugins only.", nameof(query));
            }

            sql.Append(global
                ? " AND service_id IS NULL AND route_id IS NULL AND consumer_id IS NULL AND consumer_group_id IS NULL"
                : " AND (service_id IS NOT NULL OR route_id IS NOT NULL OR consumer_id IS NOT NULL OR consumer_group_id IS NOT NULL)");
        }

        if (query.After is { } after)
        {
            Where("id > $?", after);
        }

        return (sql, parameters);
    }

    private async Task<IReadOnlyList<EntityRecord>> ReadAsync(EntityType type, string sql, List<object> parameters, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand(sql);
        parameters.ForEach(p => command.Parameters.Add(new NpgsqlParameter { Value = p }));
        var rows = new List<EntityRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new EntityRecord(
                reader.GetGuid(0), type, reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetInt64(6)));
        }

        return rows;
    }
}
