namespace KonnectES.ControlPlane.Auth;

/// <summary>One role, global (<see cref="Role.Admin"/>) or scoped to a control plane.</summary>
/// <param name="Role">The role.</param>
/// <param name="ControlPlaneId">The control plane the role applies to; null for <see cref="Role.Admin"/>.</param>
public sealed record RoleGrant(Role Role, Guid? ControlPlaneId);
