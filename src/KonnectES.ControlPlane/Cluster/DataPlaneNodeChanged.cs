namespace KonnectES.ControlPlane.Cluster;

/// <summary>
/// A data-plane node's record changed (a report appended an event). Broadcast to every control-plane node, whose
/// <c>dataPlaneStatusChanged</c> subscriptions then look again.
/// </summary>
/// <param name="ControlPlaneId">The control plane.</param>
/// <param name="NodeId">The node.</param>
public sealed record DataPlaneNodeChanged(Guid ControlPlaneId, Guid NodeId);
