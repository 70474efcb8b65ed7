namespace KonnectES.Projections.DataPlaneNodes;

/// <summary>One target's health on one data-plane node, with when the node was last seen.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="UpstreamId">The upstream's id.</param>
/// <param name="Upstream">The upstream's name, as the node knows it.</param>
/// <param name="Target">The target (<c>host:port</c>).</param>
/// <param name="Health">Kong's name for its health.</param>
/// <param name="LastSeen">When the node last reported.</param>
public sealed record DataPlaneTargetHealthRecord(Guid NodeId, Guid UpstreamId, string Upstream, string Target, string Health, DateTimeOffset LastSeen);
