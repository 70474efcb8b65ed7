namespace KonnectES.ControlPlane.Cluster;

/// <summary>A refusal (<c>POST /v1/nack</c>).</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Version">The refused version.</param>
/// <param name="ConfigHash">The refused config hash.</param>
/// <param name="SnapshotHash">The refused snapshot hash.</param>
/// <param name="Error">Why.</param>
/// <param name="Details">Where.</param>
internal sealed record NackReport(Guid NodeId, long Version, string? ConfigHash, string SnapshotHash, string Error, IReadOnlyList<string> Details);
