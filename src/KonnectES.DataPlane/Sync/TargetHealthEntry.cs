using System.Text.Json.Serialization;

namespace KonnectES.DataPlane.Sync;

/// <summary>One target's health in a heartbeat's <c>target_health</c> (docs/cluster-protocol.md).</summary>
/// <param name="UpstreamId">The upstream's id.</param>
/// <param name="Upstream">The upstream's name.</param>
/// <param name="Target">The target as its entity names it: <c>host:port</c>.</param>
/// <param name="Health">Kong's name for its health: <c>HEALTHY</c>, <c>UNHEALTHY</c>, <c>DNS_ERROR</c> or <c>HEALTHCHECKS_OFF</c>.</param>
internal sealed record TargetHealthEntry(
    [property: JsonPropertyName("upstream_id")] Guid UpstreamId,
    [property: JsonPropertyName("upstream")] string Upstream,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("health")] string Health);
