namespace KonnectES.Projections.DataPlaneNodes;

/// <summary>One data-plane node of a control plane, as last reported through the cluster port.</summary>
/// <param name="ControlPlaneId">The control plane.</param>
/// <param name="NodeId">The node's id.</param>
/// <param name="Hostname">Its host name.</param>
/// <param name="Version">Its software version.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="FirstSeen">When it first reported.</param>
/// <param name="LastSeen">When it last reported (heartbeats move this in place).</param>
/// <param name="ConfigVersion">The version it applied.</param>
/// <param name="ConfigHash">The config hash it applied.</param>
/// <param name="SnapshotHash">The snapshot hash it applied.</param>
/// <param name="LastError">Its last error (a refusal, or the first error of a status report), until it applies another snapshot.</param>
/// <param name="LastErrorDetails">The details of <paramref name="LastError"/>.</param>
/// <param name="RefusedVersion">The version it last refused.</param>
/// <param name="RefusedSnapshotHash">The snapshot hash it last refused: never pushed to it again.</param>
/// <param name="StreamVersion">How many reports changed the record (its stream's version).</param>
/// <param name="HealthChangedAt">When its target health last changed; null until it reported any.</param>
public sealed record DataPlaneNodeRecord(
    Guid ControlPlaneId, Guid NodeId, string Hostname, string Version, IReadOnlyDictionary<string, string> Labels,
    DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long ConfigVersion, string? ConfigHash, string? SnapshotHash,
    string? LastError, IReadOnlyList<string> LastErrorDetails, long? RefusedVersion, string? RefusedSnapshotHash, long StreamVersion,
    DateTimeOffset? HealthChangedAt = null);
