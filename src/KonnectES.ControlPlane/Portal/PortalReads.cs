using System.Text;
using KonnectES.Domain;
using KonnectES.EventStore;
using KonnectES.Projections;
using KonnectES.Projections.AuditLog;
using KonnectES.Projections.Entities;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KonnectES.ControlPlane.Portal;

/// <summary>
/// The portal's reads of the entity tables (secrets masked by the projection), batched for the DataLoaders, and the
/// control planes' keyset pages.
/// </summary>
public sealed partial class PortalReads(IEventStore store, EntityRecordReader entities, AuditLogReader auditLog, IOptions<ReadModelOptions> options)
{
    private const string Columns = "control_plane_id, id, name, coalesce(masked_document, document)::text, created_at, updated_at, updated_version";
    private readonly string _schema = options.Value.Schema;

    /// <summary>The kinds that are a <c>Node</c> in the schema (credentials and memberships are not).</summary>
    private static readonly EntityType[] NodeKinds =
    [
        EntityType.Service, EntityType.Route, EntityType.Consumer, EntityType.ConsumerGroup, EntityType.Upstream,
        EntityType.Target, EntityType.Plugin, EntityType.Certificate, EntityType.Sni,
    ];

    /// <summary>One page of a kind (keyset on id) and the filtered total.</summary>
    public async Task<(IReadOnlyList<EntityRecord> Rows, long Total)> PageAsync(EntityQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = await entities.ListAsync(query, cancellationToken);
        var total = await entities.CountAsync(query, cancellationToken);
        return (rows, total);
    }

    /// <summary>Entities of one kind by id, in one command.</summary>
    public Task<IReadOnlyList<EntityRecord>> ByIdsAsync(Guid controlPlaneId, EntityType type, IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        ReadAsync(type, $"SELECT {Columns} FROM {_schema}.{TableOf(type)} WHERE control_plane_id = $1 AND id = ANY($2)",
            [controlPlaneId, ids.ToArray()], cancellationToken);

    /// <summary>Entities of one kind whose <paramref name="column"/> is one of <paramref name="parents"/>, in one command.</summary>
    public Task<IReadOnlyList<EntityRecord>> ByParentsAsync(
        Guid controlPlaneId, EntityType type, string column, IReadOnlyList<Guid> parents, CancellationToken cancellationToken) =>
        ReadAsync(type, $"SELECT {Columns} FROM {_schema}.{TableOf(type)} WHERE control_plane_id = $1 AND {column} = ANY($2) ORDER BY id",
            [controlPlaneId, parents.ToArray()], cancellationToken);

    /// <summary>An entity of a <c>Node</c> kind by id among the given control planes (null: all), for <c>node(id)</c>.</summary>
    public async Task<EntityRecord?> FindAnywhereAsync(Guid id, IReadOnlyList<Guid>? controlPlanes, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder();
        foreach (var type in NodeKinds)
        {
            sql.Append(sql.Length == 0 ? "" : " UNION ALL ")
                .Append($"SELECT '{type}' AS kind, {Columns} FROM {_schema}.{TableOf(type)} WHERE id = $1")
                .Append(controlPlanes is null ? "" : " AND control_plane_id = ANY($2)");
        }

        await using var command = store.DataSource.CreateCommand(sql + " LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        if (controlPlanes is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = controlPlanes.ToArray() });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader, Enum.Parse<EntityType>(reader.GetString(0)), 1) : null;
    }

    private async Task<IReadOnlyList<EntityRecord>> ReadAsync(EntityType type, string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var rows = new List<EntityRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader, type, 0));
        }

        return rows;
    }

    /// <summary>How many audit-log entries match the history filters (the cursor is ignored).</summary>
    public Task<long> CountHistoryAsync(AuditLogQuery query, CancellationToken cancellationToken) => auditLog.CountAsync(query, cancellationToken);

    /// <summary>The read model's table of a kind (the projection's naming: snake case, plural).</summary>
    private static string TableOf(EntityType type) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(type.ToString()) + "s";

    private static EntityRecord Read(NpgsqlDataReader reader, EntityType type, int o) => new(
        reader.GetGuid(o), type, reader.GetGuid(o + 1), reader.IsDBNull(o + 2) ? null : reader.GetString(o + 2), reader.GetString(o + 3),
        reader.GetFieldValue<DateTimeOffset>(o + 4), reader.GetFieldValue<DateTimeOffset>(o + 5), reader.GetInt64(o + 6));
}
