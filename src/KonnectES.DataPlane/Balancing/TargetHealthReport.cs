using System.Collections.Immutable;

namespace KonnectES.DataPlane.Balancing;

/// <summary>A target's health on this node, for the status report to the control plane (Kong keeps health per node, never in the database).</summary>
internal sealed record TargetHealthReport(
    Guid UpstreamId,
    string Upstream,
    Guid TargetId,
    string Target,
    int Weight,
    TargetHealthStatus Health,
    ImmutableArray<AddressHealthReport> Addresses);
