using KonnectES.ControlPlane.Cluster;
using KonnectES.GraphQL.Execution;
using KonnectES.Projections.DataPlaneNodes;
using Microsoft.Extensions.Options;

namespace KonnectES.ControlPlane.Portal;

/// <summary>
/// Loads <c>Upstream.health</c>: one <c>TargetHealth</c> per live data-plane node and target, one query per control
/// plane per batch. A node not seen for <see cref="ClusterOptions.NodeTimeout"/> (its <c>syncStatus</c> is
/// <c>UNKNOWN</c>) is left out: what it last said may no longer be true.
/// </summary>
internal sealed class TargetHealthLoader(DataPlaneTargetHealthReader reader, IOptions<ClusterOptions> cluster, TimeProvider time)
    : GroupedDataLoader<UpstreamKey, Dictionary<string, object?>>
{
    protected override async Task<ILookup<UpstreamKey, Dictionary<string, object?>>> LoadGroupsAsync(
        IReadOnlyList<UpstreamKey> keys, CancellationToken cancellationToken)
    {
        var seenSince = time.GetUtcNow() - cluster.Value.NodeTimeout;
        var found = new List<(UpstreamKey Key, Dictionary<string, object?> View)>();
        foreach (var group in keys.GroupBy(k => k.ControlPlaneId))
        {
            var upstreams = group.Select(k => k.UpstreamId).Distinct().ToList();
            foreach (var record in await reader.ByUpstreamsAsync(group.Key, upstreams, seenSince, cancellationToken))
            {
                found.Add((new UpstreamKey(group.Key, record.UpstreamId), new Dictionary<string, object?>
                {
                    ["__typename"] = "TargetHealth",
                    ["target"] = record.Target,
                    ["health"] = record.Health,
                    ["dataPlaneId"] = record.NodeId,
                }));
            }
        }

        return found.ToLookup(f => f.Key, f => f.View);
    }
}
