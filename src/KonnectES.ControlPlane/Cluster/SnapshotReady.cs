namespace KonnectES.ControlPlane.Cluster;

/// <summary>
/// A control plane's configuration reached a new version. Written to the outbox in the transaction of the configuration
/// events and broadcast to every running control-plane node, which tells its connected data planes.
/// </summary>
/// <param name="ControlPlaneId">The control plane.</param>
/// <param name="Version">The version after the append.</param>
/// <param name="ConfigHash">The config hash of that version.</param>
/// <param name="SnapshotHash">The content hash of the snapshot of that version.</param>
public sealed record SnapshotReady(Guid ControlPlaneId, long Version, string ConfigHash, string SnapshotHash);
