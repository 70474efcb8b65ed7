namespace KonnectES.Domain;

public sealed partial class ControlPlaneConfig
{
    /// <summary>
    /// Rebuilds a state from a stored snapshot of it (the control plane record, the version and every entity),
    /// without replaying events: for aggregate snapshots and history checkpoints. The hash and indexes are recomputed.
    /// </summary>
    public static ControlPlaneConfig Restore(Guid controlPlaneId, ControlPlane? controlPlane, long version, IEnumerable<ConfigEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        return Empty(controlPlaneId).WithEntities(entities).WithControlPlane(controlPlane).WithVersion(version);
    }
}
