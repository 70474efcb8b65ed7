using System.Numerics;
using KonnectES.Domain;
using KonnectES.EventStore;
using Microsoft.Extensions.Options;

namespace KonnectES.Projections.ConfigSnapshot;

/// <summary>
/// Inline, incremental projection of the data-plane snapshot: per control plane one row per entity, stamped with the
/// version that last changed it (deletions leave a tombstone, <c>deleted_at_version</c>), holding the entity's Kong
/// declarative JSON; and one head row with the version and the config hash, kept in O(changed entities) with the
/// domain's commutative hash (<c>hash + Σ new − Σ old</c>, computed by SQL from the rows' stored hashes). The head also
/// keeps the <see cref="SnapshotContentHash"/> of what is shipped (<c>snapshot_hash</c>: the sum of the shipped rows'
/// <c>content_hash</c>), maintained the same way over the rows a change can touch.
/// <para>
/// Disabled services drop their routes and plugins from what data planes receive (Kong, reference §2.1): the rows stay
/// (the hash covers the whole configuration, as the domain's does) but carry <c>shipped = false</c>. The projection
/// maintains that flag, so when a service is disabled or enabled its routes and plugins are restamped with the version
/// and a delta carries them as deletions or upserts; the reader only filters on the flag.
/// </para>
/// </summary>
public sealed partial class ConfigSnapshotProjection(IOptions<ReadModelOptions> options) : IProjection
{
    private readonly string _schema = options.Value.Schema;

    /// <inheritdoc />
    public string Name => "config_snapshot";

    /// <inheritdoc />
    public Task ApplyAsync(ProjectionContext context, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        var pending = new Dictionary<Guid, Pending>();
        foreach (var (envelope, @event) in ConfigChanges.Events(events))
        {
            var cp = envelope.StreamId;
            if (@event is ControlPlaneDeleted)
            {
                if (pending.Remove(cp, out var before))
                {
                    Flush(context, cp, before);
                }

                context.AddCommand(
                    $"UPDATE {_schema}.config_snapshot_entities SET deleted_at_version = $2, version = $2 WHERE control_plane_id = $1 AND deleted_at_version IS NULL",
                    cp, envelope.Version);
                context.AddCommand(HeadSql, cp, envelope.Version, BigInteger.Zero, Array.Empty<Guid>(), envelope.Timestamp, true);
                continue;
            }

            var rows = pending.TryGetValue(cp, out var p) ? p : pending[cp] = new Pending();
            rows.Version = envelope.Version;
            rows.At = envelope.Timestamp;
            foreach (var (change, entity) in ConfigChanges.Of(@event))
            {
                rows.Changes[entity.Id] = change == ChangeKind.Deleted ? new Change(entity, null, envelope.Version) : new Change(entity, EntityHash.Of(entity), envelope.Version);
            }
        }

        foreach (var (cp, rows) in pending)
        {
            Flush(context, cp, rows);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task ResetAsync(ProjectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await ReadModelSchema.EnsureAsync(context.Connection, _schema, cancellationToken);
        context.AddCommand($"TRUNCATE {_schema}.config_snapshot_entities, {_schema}.config_snapshot_heads");
    }

    private void Flush(ProjectionContext context, Guid cp, Pending rows)
    {
        var upserts = rows.Changes.Values.Where(c => c.Hash is not null).ToList();
        var deletes = rows.Changes.Values.Where(c => c.Hash is null).ToList();
        var newHashes = upserts.Aggregate(BigInteger.Zero, (sum, c) => sum + SnapshotHash.ToNumber(c.Hash!.Value));

        // First the head (it reads the old hashes of the changed rows), then the rows themselves.
        var ids = rows.Changes.Keys.ToArray();
        context.AddCommand(HeadSql, cp, rows.Version, newHashes, ids, rows.At, false);
        context.AddCommand(SnapshotHashSql, cp, ids, -1);
        if (deletes.Count > 0)
        {
            context.AddCommand(TombstoneSql, cp, deletes.Select(d => d.Entity.Id).ToArray(), deletes.Select(d => d.Version).ToArray());
        }

        if (upserts.Count > 0)
        {
            var sections = upserts.Select(u => SnapshotDocument.SectionOf(u.Entity)).ToArray();
            var documents = upserts.Select(u => SnapshotDocument.Entity(u.Entity).ToJsonString()).ToArray();
            context.AddCommand(
                UpsertSql, cp, upserts.Select(u => u.Entity.Id).ToArray(),
                upserts.Select(u => u.Entity.EntityType.ToString()).ToArray(),
                sections,
                documents,
                upserts.Select(u => SnapshotHash.ToNumber(u.Hash!.Value)).ToArray(),
                upserts.Select(u => u.Entity switch { Service s => s.Enabled, Plugin p => p.Enabled, _ => true }).ToArray(),
                upserts.Select(u => u.Entity switch { Route r => r.ServiceId, Plugin p => p.ServiceId, _ => null }).ToArray(),
                upserts.Select(u => u.Entity is Plugin p ? p.RouteId : null).ToArray(),
                upserts.Select(u => u.Version).ToArray(),
                sections.Select((section, i) => SnapshotHash.ToNumber(SnapshotContentHash.OfEntity(section, documents[i]))).ToArray());
        }

        var reship = rows.Changes.Values
            .Where(c => c.Entity.EntityType is EntityType.Service or EntityType.Route or EntityType.Plugin)
            .Select(c => c.Entity.Id).ToArray();
        if (reship.Length > 0)
        {
            context.AddCommand(ReshipSql, cp, reship, rows.Version);
        }

        context.AddCommand(SnapshotHashSql, cp, ids, 1);
    }

    private sealed class Pending
    {
        public Dictionary<Guid, Change> Changes { get; } = [];

        public long Version { get; set; }

        public DateTimeOffset At { get; set; }
    }

    /// <summary>One entity's last change in the batch; <see cref="Hash"/> is null for a deletion.</summary>
    private sealed record Change(ConfigEntity Entity, ConfigHash? Hash, long Version);
}
