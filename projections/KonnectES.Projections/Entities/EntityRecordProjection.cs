using KonnectES.Domain;
using KonnectES.EventStore;
using Microsoft.Extensions.Options;

namespace KonnectES.Projections.Entities;

/// <summary>
/// Inline projection of the current entities into one table per kind (<c>services</c>, <c>routes</c>…), with the
/// columns the portal filters and sorts on, the full JSON document (internal use: secrets included) and a masked copy
/// for every read path that leaves the control plane. One append touches only the rows of the entities it changed:
/// per kind one multi-row upsert and one delete, whatever the number of changes.
/// </summary>
public sealed partial class EntityRecordProjection(IOptions<ReadModelOptions> options) : IProjection
{
    private readonly string _schema = options.Value.Schema;

    /// <inheritdoc />
    public string Name => "entity_records";

    /// <inheritdoc />
    public Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        var pending = new Pending();
        foreach (var (envelope, @event) in ConfigChanges.Events(events))
        {
            if (@event is ControlPlaneDeleted)
            {
                Flush(context, pending);
                foreach (var table in EntityTable.All)
                {
                    context.AddCommand($"DELETE FROM {_schema}.{table.Table} WHERE control_plane_id = $1", envelope.StreamId);
                }

                continue;
            }

            foreach (var (change, entity) in ConfigChanges.Of(@event))
            {
                pending.Add(envelope, change, entity);
            }
        }

        Flush(context, pending);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task ResetAsync(ProjectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await ReadModelSchema.EnsureAsync(context.Connection, _schema, cancellationToken);
        foreach (var table in EntityTable.All)
        {
            context.AddCommand($"TRUNCATE {_schema}.{table.Table}");
        }
    }

    private void Flush(ProjectionContext context, Pending pending)
    {
        foreach (var (type, rows) in pending.Deletes)
        {
            if (rows.Count > 0)
            {
                context.AddCommand(
                    $"DELETE FROM {_schema}.{EntityTable.Of(type).Table} t USING unnest($1::uuid[], $2::uuid[]) AS d(cp, id) WHERE t.control_plane_id = d.cp AND t.id = d.id",
                    rows.Select(r => r.ControlPlaneId).ToArray(), rows.Select(r => r.Id).ToArray());
            }
        }

        foreach (var (type, rows) in pending.Upserts)
        {
            if (rows.Count > 0)
            {
                var list = rows.Values.ToList();
                context.AddCommand(
                    UpsertSql(EntityTable.Of(type).Table),
                    list.Select(r => r.ControlPlaneId).ToArray(), list.Select(r => r.Id).ToArray(), list.Select(r => r.Name).ToArray(),
                    list.Select(r => r.Document).ToArray(), list.Select(r => r.Masked).ToArray(), list.Select(r => r.Version).ToArray(),
                    list.Select(r => r.At).ToArray());
            }
        }

        pending.Clear();
    }

    private string UpsertSql(string table) => $"""
        INSERT INTO {_schema}.{table} AS t (control_plane_id, id, name, document, masked_document, created_at, updated_at, created_version, updated_version)
        SELECT u.cp, u.id, u.name, u.doc::jsonb, u.masked::jsonb, u.at, u.at, u.version, u.version
        FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::timestamptz[]) AS u(cp, id, name, doc, masked, version, at)
        ON CONFLICT (control_plane_id, id) DO UPDATE SET name = excluded.name, document = excluded.document,
            masked_document = excluded.masked_document, updated_at = excluded.updated_at, updated_version = excluded.updated_version
        """;
}
