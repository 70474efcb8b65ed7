using KonnectES.Domain;
using KonnectES.EventStore;

namespace KonnectES.Projections.Entities;

public sealed partial class EntityRecordProjection
{
    /// <summary>The net effect of a batch per kind: the last write to an entity wins, so a row is written at most once.</summary>
    private sealed class Pending
    {
        public Dictionary<EntityType, Dictionary<(Guid, Guid), Row>> Upserts { get; } = [];

        public Dictionary<EntityType, HashSet<(Guid ControlPlaneId, Guid Id)>> Deletes { get; } = [];

        public void Add(EventEnvelope envelope, ChangeKind change, ConfigEntity entity)
        {
            var key = (envelope.StreamId, entity.Id);
            var upserts = Upserts.TryGetValue(entity.EntityType, out var u) ? u : Upserts[entity.EntityType] = [];
            var deletes = Deletes.TryGetValue(entity.EntityType, out var d) ? d : Deletes[entity.EntityType] = [];
            if (change == ChangeKind.Deleted)
            {
                upserts.Remove(key);
                deletes.Add(key);
                return;
            }

            deletes.Remove(key);
            var masked = SecretMasking.Mask(entity);
            upserts[key] = new Row(
                envelope.StreamId, entity.Id, masked.DisplayName, DomainJson.Serialize(entity),
                ReferenceEquals(masked, entity) ? null : DomainJson.Serialize(masked), envelope.Version, envelope.Timestamp);
        }

        public void Clear()
        {
            Upserts.Clear();
            Deletes.Clear();
        }
    }

    private sealed record Row(Guid ControlPlaneId, Guid Id, string? Name, string Document, string? Masked, long Version, DateTimeOffset At);
}
