using KonnectES.Domain;

namespace KonnectES.Projections.ConfigSnapshot;

/// <summary>
/// The configuration data planes load, as projected: Kong declarative 3.0 (the domain's <see cref="SnapshotDocument"/>
/// shape: flat sections, ids, <c>_transform: false</c>, <c>_konnectes: {version, config_hash, snapshot_hash}</c>), disabled services
/// with their routes and plugins and disabled plugins left out.
/// </summary>
/// <param name="ControlPlaneId">The control plane.</param>
/// <param name="Version">The config version it reflects.</param>
/// <param name="Hash">The config hash at that version (the domain's hash of the whole configuration).</param>
/// <param name="SnapshotHash">The <see cref="SnapshotContentHash"/> of the shipped entities (what a data plane recomputes).</param>
/// <param name="UpdatedAt">When that version was appended.</param>
/// <param name="Document">The document as JSON text.</param>
public sealed record ConfigSnapshot(Guid ControlPlaneId, long Version, ConfigHash Hash, ConfigHash SnapshotHash, DateTimeOffset UpdatedAt, string Document);
