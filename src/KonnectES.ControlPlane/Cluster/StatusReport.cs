using KonnectES.Projections.DataPlaneNodes;

namespace KonnectES.ControlPlane.Cluster;

/// <summary>A heartbeat (<c>POST /v1/status</c>).</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Hostname">Its host name.</param>
/// <param name="Version">Its software version.</param>
/// <param name="ConfigVersion">The version it applied (0 for none).</param>
/// <param name="ConfigHash">The config hash it applied.</param>
/// <param name="SnapshotHash">The snapshot hash it applied.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="Errors">Its errors.</param>
/// <param name="TargetHealth">Its whole target health, by upstream id then target; null when unchanged since its last report.</param>
internal sealed record StatusReport(
    Guid NodeId, string Hostname, string Version, long ConfigVersion, string? ConfigHash, string? SnapshotHash,
    IReadOnlyDictionary<string, string> Labels, IReadOnlyList<string> Errors, IReadOnlyList<DataPlaneTargetHealth>? TargetHealth = null);
