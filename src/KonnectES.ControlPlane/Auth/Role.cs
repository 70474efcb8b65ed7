namespace KonnectES.ControlPlane.Auth;

/// <summary>What a token may do: <see cref="Admin"/> everywhere, the others in one control plane.</summary>
public enum Role
{
    /// <summary>Everything, including control planes and tokens.</summary>
    Admin,

    /// <summary>Everything within one control plane: config, import, rollback, data-plane tokens (not renaming or deleting it).</summary>
    ControlPlaneAdmin,

    /// <summary>Config mutations within one control plane.</summary>
    Editor,

    /// <summary>Read-only access to one control plane.</summary>
    Viewer,
}
