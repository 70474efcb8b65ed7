using KonnectES.Domain;
using KonnectES.EventStore;
using Microsoft.Extensions.Options;

namespace KonnectES.Projections.AuditLog;

/// <summary>
/// Inline projection of the audit log: one row per configuration event (version, type, actor, time, reason,
/// correlation id, the event body with secrets masked) and one row per entity the event changed, so history can be
/// filtered by entity kind or id even for imports and rollbacks that change many entities at once.
/// </summary>
public sealed class AuditLogProjection(IOptions<ReadModelOptions> options) : IProjection
{
    /// <summary>The metadata header that carries the reason a user gave for a change.</summary>
    public const string ReasonHeader = "reason";

    private readonly string _schema = options.Value.Schema;

    /// <inheritdoc />
    public string Name => "audit_log";

    /// <inheritdoc />
    public Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        var entries = new List<(EventEnvelope Envelope, IConfigEvent Event, EntityChangeRow? Single)>();
        var changes = new List<(Guid Cp, long Version, int Ordinal, EntityChangeRow Row)>();
        foreach (var (envelope, @event) in ConfigChanges.Events(events))
        {
            var rows = RowsOf(envelope.StreamId, @event);
            for (var i = 0; i < rows.Count; i++)
            {
                changes.Add((envelope.StreamId, envelope.Version, i, rows[i]));
            }

            entries.Add((envelope, @event, rows.Count == 1 ? rows[0] : null));
        }

        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }

        context.AddCommand(
            $"""
            INSERT INTO {_schema}.audit_log (control_plane_id, version, event_id, event_type, entity_type, entity_id, entity_name, change,
                change_count, actor, occurred_at, reason, correlation_id, causation_id, body)
            SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[],
                $9::int[], $10::text[], $11::timestamptz[], $12::text[], $13::text[], $14::text[], $15::jsonb[])
            """,
            entries.Select(e => e.Envelope.StreamId).ToArray(),
            entries.Select(e => e.Envelope.Version).ToArray(),
            entries.Select(e => e.Envelope.EventId).ToArray(),
            entries.Select(e => e.Envelope.EventType).ToArray(),
            entries.Select(e => e.Single?.EntityType).ToArray(),
            entries.Select(e => e.Single?.EntityId).ToArray(),
            entries.Select(e => e.Single?.Name).ToArray(),
            entries.Select(e => e.Single?.Change).ToArray(),
            entries.Select(e => RowsCount(e.Event)).ToArray(),
            entries.Select(e => e.Envelope.Metadata.Actor).ToArray(),
            entries.Select(e => e.Envelope.Timestamp).ToArray(),
            entries.Select(e => e.Envelope.Metadata.Headers?.GetValueOrDefault(ReasonHeader)).ToArray(),
            entries.Select(e => e.Envelope.Metadata.CorrelationId).ToArray(),
            entries.Select(e => e.Envelope.Metadata.CausationId).ToArray(),
            entries.Select(e => DomainJson.Serialize(SecretMasking.Mask(e.Event))).ToArray());
        if (changes.Count > 0)
        {
            context.AddCommand(
                $"""
                INSERT INTO {_schema}.audit_log_changes (control_plane_id, version, ordinal, entity_type, entity_id, entity_name, change)
                SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::int[], $4::text[], $5::uuid[], $6::text[], $7::text[])
                """,
                changes.Select(c => c.Cp).ToArray(), changes.Select(c => c.Version).ToArray(), changes.Select(c => c.Ordinal).ToArray(),
                changes.Select(c => c.Row.EntityType).ToArray(), changes.Select(c => c.Row.EntityId).ToArray(),
                changes.Select(c => c.Row.Name).ToArray(), changes.Select(c => c.Row.Change).ToArray());
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task ResetAsync(ProjectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await ReadModelSchema.EnsureAsync(context.Connection, _schema, cancellationToken);
        context.AddCommand($"TRUNCATE {_schema}.audit_log, {_schema}.audit_log_changes");
    }

    private static int RowsCount(IConfigEvent @event) => @event switch
    {
        ConfigImported i => i.Changes.Length,
        ConfigRolledBack r => r.Changes.Length,
        _ => 1,
    };

    private static List<EntityChangeRow> RowsOf(Guid cp, IConfigEvent @event) => @event switch
    {
        ControlPlaneCreated c => [new(nameof(EntityType.ControlPlane), cp, c.ControlPlane.Name, nameof(ChangeKind.Created))],
        ControlPlaneUpdated u => [new(nameof(EntityType.ControlPlane), cp, u.ControlPlane.Name, nameof(ChangeKind.Updated))],
        ControlPlaneDeleted d => [new(nameof(EntityType.ControlPlane), cp, d.ControlPlane.Name, nameof(ChangeKind.Deleted))],
        _ => [.. ConfigChanges.Of(@event).Select(c =>
            new EntityChangeRow(c.Entity.EntityType.ToString(), c.Entity.Id, SecretMasking.Mask(c.Entity).DisplayName, c.Change.ToString()))],
    };

    private sealed record EntityChangeRow(string EntityType, Guid EntityId, string? Name, string Change);
}
