using KonnectES.GraphQL.Execution;

namespace KonnectES.ControlPlane.Portal;

/// <summary>Loads referenced entities (a route's service, a plugin's scope…): one command per control plane and kind per batch.</summary>
internal sealed class EntityByIdLoader(PortalReads reads) : DataLoader<EntityKey, Dictionary<string, object?>>
{
    protected override async Task<IReadOnlyDictionary<EntityKey, Dictionary<string, object?>>> LoadBatchAsync(
        IReadOnlyList<EntityKey> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<EntityKey, Dictionary<string, object?>>();
        foreach (var group in keys.GroupBy(k => (k.ControlPlaneId, k.Type)))
        {
            var rows = await reads.ByIdsAsync(group.Key.ControlPlaneId, group.Key.Type, [.. group.Select(k => k.Id).Distinct()], cancellationToken);
            foreach (var row in rows)
            {
                found[new EntityKey(row.ControlPlaneId, row.EntityType, row.Id)] = EntityView.From(row);
            }
        }

        return found;
    }
}
