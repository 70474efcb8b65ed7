using System.Collections.Immutable;

namespace KonnectES.Domain;

public sealed partial class ControlPlaneConfig
{
    /// <summary>Adds or replaces an entity, maintaining indexes and the hash. No validation.</summary>
    internal ControlPlaneConfig Upsert(ConfigEntity entity)
    {
        if (_entities.TryGetValue(entity.Id, out var existing) && existing.EntityType == entity.EntityType)
        {
            return Replace(existing, entity);
        }

        var state = existing is null ? this : Remove(entity.Id);
        var byKind = state._byKind.SetItem(entity.EntityType, state._byKind.GetValueOrDefault(entity.EntityType, NoIds).Add(entity.Id));
        var unique = state._unique;
        foreach (var key in Relations.UniqueKeys(entity))
        {
            unique = unique.SetItem(key.Key, entity.Id);
        }

        var children = state._children;
        foreach (var reference in Relations.References(entity))
        {
            children = children.SetItem(reference.ParentId, children.GetValueOrDefault(reference.ParentId, NoIds).Add(entity.Id));
        }

        var hash = EntityHash.Of(entity);
        return new(ControlPlaneId, ControlPlane, Version, state.Hash.Add(hash),
            state._entities.SetItem(entity.Id, entity), byKind, unique, children, state._hashes.SetItem(entity.Id, hash));
    }

    /// <summary>Replaces an entity of the same kind, touching only the index entries that changed.</summary>
    private ControlPlaneConfig Replace(ConfigEntity existing, ConfigEntity entity)
    {
        var id = entity.Id;
        var unique = _unique;
        var oldKeys = Relations.UniqueKeys(existing).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        var newKeys = Relations.UniqueKeys(entity).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var key in oldKeys.Except(newKeys))
        {
            if (unique.TryGetValue(key, out var owner) && owner == id)
            {
                unique = unique.Remove(key);
            }
        }

        foreach (var key in newKeys.Except(oldKeys))
        {
            unique = unique.SetItem(key, id);
        }

        var children = _children;
        var oldParents = Relations.References(existing).Select(r => r.ParentId).ToHashSet();
        var newParents = Relations.References(entity).Select(r => r.ParentId).ToHashSet();
        foreach (var parent in oldParents.Except(newParents))
        {
            var set = children.GetValueOrDefault(parent, NoIds).Remove(id);
            children = set.IsEmpty ? children.Remove(parent) : children.SetItem(parent, set);
        }

        foreach (var parent in newParents.Except(oldParents))
        {
            children = children.SetItem(parent, children.GetValueOrDefault(parent, NoIds).Add(id));
        }

        var hash = EntityHash.Of(entity);
        return new(ControlPlaneId, ControlPlane, Version, Hash.Subtract(_hashes[id]).Add(hash),
            _entities.SetItem(id, entity), _byKind, unique, children, _hashes.SetItem(id, hash));
    }

    /// <summary>Removes an entity (children are left alone: cascades are explicit events).</summary>
    internal ControlPlaneConfig Remove(Guid id)
    {
        if (!_entities.TryGetValue(id, out var entity))
        {
            return this;
        }

        var kindSet = _byKind.GetValueOrDefault(entity.EntityType, NoIds).Remove(id);
        var unique = _unique;
        foreach (var key in Relations.UniqueKeys(entity))
        {
            if (unique.TryGetValue(key.Key, out var owner) && owner == id)
            {
                unique = unique.Remove(key.Key);
            }
        }

        var children = _children;
        foreach (var reference in Relations.References(entity))
        {
            var set = children.GetValueOrDefault(reference.ParentId, NoIds).Remove(id);
            children = set.IsEmpty ? children.Remove(reference.ParentId) : children.SetItem(reference.ParentId, set);
        }

        return new(ControlPlaneId, ControlPlane, Version, Hash.Subtract(_hashes[id]),
            _entities.Remove(id), _byKind.SetItem(entity.EntityType, kindSet), unique, children, _hashes.Remove(id));
    }

    internal ControlPlaneConfig WithControlPlane(ControlPlane? controlPlane) =>
        new(ControlPlaneId, controlPlane, Version, Hash, _entities, _byKind, _unique, _children, _hashes);

    internal ControlPlaneConfig WithVersion(long version) =>
        new(ControlPlaneId, ControlPlane, version, Hash, _entities, _byKind, _unique, _children, _hashes);

    /// <summary>Applies a list of entity changes (import, rollback) in order.</summary>
    internal ControlPlaneConfig Apply(IEnumerable<EntityChange> changes) =>
        Bulk(changes.Select(change => (change.EntityId, change.After)));

    /// <summary>Builds a state holding exactly <paramref name="entities"/> (keeps id, version and control plane).</summary>
    internal ControlPlaneConfig WithEntities(IEnumerable<ConfigEntity> entities)
    {
        var state = new ControlPlaneConfig(ControlPlaneId, ControlPlane, Version, ConfigHash.Empty,
            ImmutableDictionary<Guid, ConfigEntity>.Empty, ImmutableDictionary<EntityType, ImmutableHashSet<Guid>>.Empty,
            ImmutableDictionary<string, Guid>.Empty, ImmutableDictionary<Guid, ImmutableHashSet<Guid>>.Empty,
            ImmutableDictionary<Guid, ConfigHash>.Empty);
        return state.UpsertAll(entities);
    }
}
