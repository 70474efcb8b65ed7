namespace KonnectES.Projections.DataPlaneNodes;

/// <summary>
/// A data-plane node's target health differs from what it reported before: a target became healthy or unhealthy, a
/// hostname stopped resolving, an upstream or target came or went. Carries the node's whole set, which replaces the
/// previous one. A heartbeat that repeats the same set is not an event.
/// </summary>
/// <param name="ControlPlaneId">The control plane whose data-plane token the node used.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Targets">Every target's health on the node, by upstream id then target.</param>
public sealed record DataPlaneNodeTargetHealthChanged(Guid ControlPlaneId, Guid NodeId, IReadOnlyList<DataPlaneTargetHealth> Targets);
