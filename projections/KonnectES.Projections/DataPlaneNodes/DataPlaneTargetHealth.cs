namespace KonnectES.Projections.DataPlaneNodes;

/// <summary>One target's health as a data-plane node reported it.</summary>
/// <param name="UpstreamId">The upstream's id.</param>
/// <param name="Upstream">The upstream's name.</param>
/// <param name="Target">The target as its entity names it (<c>host:port</c>).</param>
/// <param name="Health">Kong's name for its health: <c>HEALTHY</c>, <c>UNHEALTHY</c>, <c>DNS_ERROR</c> or <c>HEALTHCHECKS_OFF</c>.</param>
public sealed record DataPlaneTargetHealth(Guid UpstreamId, string Upstream, string Target, string Health)
{
    /// <summary>The health names a node may report, as Kong's <c>/upstreams/{u}/health</c> has them.</summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal) { "HEALTHY", "UNHEALTHY", "DNS_ERROR", "HEALTHCHECKS_OFF" };

    /// <summary>The order a set is stored, compared and read in: by upstream id, then target.</summary>
    public static IReadOnlyList<DataPlaneTargetHealth> Sorted(IEnumerable<DataPlaneTargetHealth> targets) =>
        [.. targets.OrderBy(t => t.UpstreamId).ThenBy(t => t.Target, StringComparer.Ordinal)];
}
