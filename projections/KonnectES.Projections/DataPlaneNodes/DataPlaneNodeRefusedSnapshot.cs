namespace KonnectES.Projections.DataPlaneNodes;

/// <summary>A data plane refused a snapshot (NACK): it keeps serving what it had, and that snapshot is not pushed to it again.</summary>
/// <param name="ControlPlaneId">The control plane.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Version">The refused version.</param>
/// <param name="ConfigHash">The refused config hash.</param>
/// <param name="SnapshotHash">The refused snapshot hash.</param>
/// <param name="Error">Why, in one line.</param>
/// <param name="Details">Where, one line per problem.</param>
public sealed record DataPlaneNodeRefusedSnapshot(
    Guid ControlPlaneId, Guid NodeId, long Version, string? ConfigHash, string SnapshotHash, string Error, IReadOnlyList<string> Details);
