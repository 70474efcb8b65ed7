using System.Collections.Immutable;

namespace KonnectES.Domain;

public sealed partial class ControlPlaneConfig
{
    /// <summary>
    /// Adds or replaces many entities in order: the same state as folding <see cref="Upsert"/> over them,
    /// built on mutable builders instead of rebuilding every immutable index once per entity. No validation.
    /// </summary>
    internal ControlPlaneConfig UpsertAll(IEnumerable<ConfigEntity> entities) =>
        Bulk(entities.Select(entity => (entity.Id, (ConfigEntity?)entity)));

    /// <summary>
    /// Applies upserts (an entity) and removals (null) in order: the same state as folding
    /// <see cref="Upsert"/> and <see cref="Remove"/> over them, built on mutable builders.
    /// </summary>
    private ControlPlaneConfig Bulk(IEnumerable<(Guid Id, ConfigEntity? Entity)> steps)
    {
        var entities = _entities.ToBuilder();
        var byKind = _byKind.ToBuilder();
        var kinds = new Dictionary<EntityType, ImmutableHashSet<Guid>.Builder>();
        var unique = _unique.ToBuilder();
        var children = _children.ToBuilder();
        var hashes = _hashes.ToBuilder();
        var total = Hash;

        ImmutableHashSet<Guid>.Builder Kind(EntityType type)
        {
            if (!kinds.TryGetValue(type, out var set))
            {
                set = byKind.GetValueOrDefault(type, NoIds).ToBuilder();
                kinds[type] = set;
            }

            return set;
        }

        void AddChild(Guid parent, Guid id) => children[parent] = children.GetValueOrDefault(parent, NoIds).Add(id);

        void RemoveChild(Guid parent, Guid id)
        {
            var set = children.GetValueOrDefault(parent, NoIds).Remove(id);
            if (set.IsEmpty)
            {
                children.Remove(parent);
            }
            else
            {
                children[parent] = set;
            }
        }

        void RemoveOne(Guid id)
        {
            if (!entities.TryGetValue(id, out var entity))
            {
                return;
            }

            Kind(entity.EntityType).Remove(id);
            foreach (var key in Relations.UniqueKeys(entity))
            {
                if (unique.TryGetValue(key.Key, out var owner) && owner == id)
                {
                    unique.Remove(key.Key);
                }
            }

            foreach (var reference in Relations.References(entity))
            {
                RemoveChild(reference.ParentId, id);
            }

            total = total.Subtract(hashes[id]);
            entities.Remove(id);
            hashes.Remove(id);
        }

        void ReplaceOne(ConfigEntity existing, ConfigEntity entity)
        {
            var id = entity.Id;
            var oldKeys = Relations.UniqueKeys(existing).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
            var newKeys = Relations.UniqueKeys(entity).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var key in oldKeys.Except(newKeys))
            {
                if (unique.TryGetValue(key, out var owner) && owner == id)
                {
                    unique.Remove(key);
                }
            }

            foreach (var key in newKeys.Except(oldKeys))
            {
                unique[key] = id;
            }

            var oldParents = Relations.References(existing).Select(r => r.ParentId).ToHashSet();
            var newParents = Relations.References(entity).Select(r => r.ParentId).ToHashSet();
            foreach (var parent in oldParents.Except(newParents))
            {
                RemoveChild(parent, id);
            }

            foreach (var parent in newParents.Except(oldParents))
            {
                AddChild(parent, id);
            }

            var hash = EntityHash.Of(entity);
            total = total.Subtract(hashes[id]).Add(hash);
            entities[id] = entity;
            hashes[id] = hash;
        }

        void UpsertOne(ConfigEntity entity)
        {
            if (entities.TryGetValue(entity.Id, out var existing))
            {
                if (existing.EntityType == entity.EntityType)
                {
                    ReplaceOne(existing, entity);
                    return;
                }

                RemoveOne(entity.Id);
            }

            Kind(entity.EntityType).Add(entity.Id);
            foreach (var key in Relations.UniqueKeys(entity))
            {
                unique[key.Key] = entity.Id;
            }

            foreach (var reference in Relations.References(entity))
            {
                AddChild(reference.ParentId, entity.Id);
            }

            var hash = EntityHash.Of(entity);
            total = total.Add(hash);
            entities[entity.Id] = entity;
            hashes[entity.Id] = hash;
        }

        foreach (var (id, entity) in steps)
        {
            if (entity is not null)
            {
                UpsertOne(entity);
            }
            else
            {
                RemoveOne(id);
            }
        }

        foreach (var (type, set) in kinds)
        {
            byKind[type] = set.ToImmutable();
        }

        return new(ControlPlaneId, ControlPlane, Version, total,
            entities.ToImmutable(), byKind.ToImmutable(), unique.ToImmutable(), children.ToImmutable(), hashes.ToImmutable());
    }
}
