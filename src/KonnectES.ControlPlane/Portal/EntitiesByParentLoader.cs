using KonnectES.GraphQL.Execution;

namespace KonnectES.ControlPlane.Portal;

/// <summary>Loads child entities (a service's routes and plugins, a consumer's credentials…): one command per kind and column per batch.</summary>
internal sealed class EntitiesByParentLoader(PortalReads reads) : GroupedDataLoader<ChildrenKey, Dictionary<string, object?>>
{
    protected override async Task<ILookup<ChildrenKey, Dictionary<string, object?>>> LoadGroupsAsync(
        IReadOnlyList<ChildrenKey> keys, CancellationToken cancellationToken)
    {
        var found = new List<(ChildrenKey Key, Dictionary<string, object?> View)>();
        foreach (var group in keys.GroupBy(k => (k.ControlPlaneId, k.Type, k.Column)))
        {
            var parents = group.Select(k => k.ParentId).Distinct().ToList();
            var rows = await reads.ByParentsAsync(group.Key.ControlPlaneId, group.Key.Type, group.Key.Column, parents, cancellationToken);
            var key = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(
                string.Concat(group.Key.Column.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..])));
            foreach (var row in rows)
            {
                var view = EntityView.From(row);
                if (EntityView.Reference(view, key) is { } parent)
                {
                    found.Add((new ChildrenKey(group.Key.ControlPlaneId, group.Key.Type, group.Key.Column, parent), view));
                }
            }
        }

        return found.ToLookup(f => f.Key, f => f.View);
    }
}
