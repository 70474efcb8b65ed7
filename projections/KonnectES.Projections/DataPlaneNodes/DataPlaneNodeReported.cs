namespace KonnectES.Projections.DataPlaneNodes;

/// <summary>
/// A data plane reported a status that differs from what the control plane knew of it: it was seen for the first time,
/// applied another configuration, reported new errors, or changed its hostname, version or labels. Heartbeats that
/// change nothing are not events (they only move <c>last_seen</c>).
/// </summary>
/// <param name="ControlPlaneId">The control plane whose data-plane token the node used.</param>
/// <param name="NodeId">The node's id (kept by the data plane across restarts).</param>
/// <param name="Hostname">The node's host name.</param>
/// <param name="Version">The data plane's software version.</param>
/// <param name="Labels">The node's labels.</param>
/// <param name="ConfigVersion">The configuration version it applied (0 for none).</param>
/// <param name="ConfigHash">The config hash of what it applied.</param>
/// <param name="SnapshotHash">The snapshot hash of what it applied.</param>
/// <param name="Errors">The errors it reports (empty when healthy).</param>
public sealed record DataPlaneNodeReported(
    Guid ControlPlaneId, Guid NodeId, string Hostname, string Version, IReadOnlyDictionary<string, string> Labels,
    long ConfigVersion, string? ConfigHash, string? SnapshotHash, IReadOnlyList<string> Errors);
