namespace KonnectES.ControlPlane.Auth;

/// <summary>The authenticated token behind a request: its name is the actor of every event it causes.</summary>
/// <param name="Id">The token's id.</param>
/// <param name="Name">The token's name.</param>
/// <param name="Roles">What it may do.</param>
public sealed record Caller(Guid Id, string Name, IReadOnlyList<RoleGrant> Roles)
{
    /// <summary>True for a global admin.</summary>
    public bool IsAdmin => Roles.Any(r => r.Role == Role.Admin);

    /// <summary>May read the control plane.</summary>
    public bool CanRead(Guid controlPlaneId) => IsAdmin || Roles.Any(r => r.ControlPlaneId == controlPlaneId);

    /// <summary>May change the control plane's configuration.</summary>
    public bool CanEdit(Guid controlPlaneId) =>
        IsAdmin || Roles.Any(r => r.ControlPlaneId == controlPlaneId && r.Role is Role.Editor or Role.ControlPlaneAdmin);

    /// <summary>May administer the control plane: rollback and data-plane tokens (renaming or deleting it is for ADMIN).</summary>
    public bool CanAdminister(Guid controlPlaneId) =>
        IsAdmin || Roles.Any(r => r.ControlPlaneId == controlPlaneId && r.Role == Role.ControlPlaneAdmin);

    /// <summary>The control planes this caller may read; null when it may read all.</summary>
    public IReadOnlyList<Guid>? ReadableControlPlanes =>
        IsAdmin ? null : [.. Roles.Where(r => r.ControlPlaneId is not null).Select(r => r.ControlPlaneId!.Value).Distinct()];
}
