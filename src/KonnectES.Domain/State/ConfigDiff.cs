using System.Collections.Immutable;

namespace KonnectES.Domain;

/// <summary>Per-entity differences between two configurations.</summary>
public static class ConfigDiff
{
    /// <summary>Kinds in dependency order: parents before children.</summary>
    internal static readonly ImmutableArray<EntityType> DependencyOrder =
    [
        EntityType.Certificate, EntityType.Sni, EntityType.CaCertificate, EntityType.Service, EntityType.Route, EntityType.Upstream, EntityType.Target,
        EntityType.Consumer, EntityType.ConsumerGroup, EntityType.ConsumerGroupMember, EntityType.Credential, EntityType.Plugin,
    ];

    /// <summary>
    /// The changes that turn <paramref name="from"/> into <paramref name="to"/>: deletions first
    /// (children before parents), then creations and updates (parents before children); within a
    /// kind ordered by id. Empty ⇔ equal configurations.
    /// </summary>
    public static ImmutableArray<EntityChange> Between(ControlPlaneConfig from, ControlPlaneConfig to)
    {
        var deletes = new List<EntityChange>();
        var upserts = new List<EntityChange>();
        foreach (var before in from.Entities)
        {
            if (to.Find(before.Id) is null)
            {
                deletes.Add(EntityChange.Deleted(before));
            }
        }

        foreach (var after in to.Entities)
        {
            var before = from.Find(after.Id);
            if (before is null)
            {
                upserts.Add(EntityChange.Created(after));
            }
            else if (from.HashOf(before.Id) != to.HashOf(after.Id))
            {
                upserts.Add(before.EntityType == after.EntityType
                    ? EntityChange.Updated(before, after)
                    : EntityChange.Created(after));
            }
        }

        return
        [
            .. deletes.OrderByDescending(c => DependencyOrder.IndexOf(c.EntityType)).ThenBy(c => c.EntityId),
            .. upserts.OrderBy(c => DependencyOrder.IndexOf(c.EntityType)).ThenBy(c => c.EntityId),
        ];
    }

    /// <summary>True when both entities serialize to the same canonical JSON.</summary>
    public static bool SameContent(ConfigEntity a, ConfigEntity b) =>
        ReferenceEquals(a, b) || (a.EntityType == b.EntityType && DomainJson.CanonicalUtf8(a).AsSpan().SequenceEqual(DomainJson.CanonicalUtf8(b)));
}
