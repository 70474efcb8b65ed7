namespace KonnectES.ControlPlane.Auth;

/// <summary>What a valid data-plane token stands for on the cluster port.</summary>
/// <param name="TokenId">The token's id.</param>
/// <param name="ControlPlaneId">The one control plane it may read.</param>
/// <param name="ControlPlaneExists">False once the control plane was deleted (its configuration is gone).</param>
public sealed record DataPlaneCredential(Guid TokenId, Guid ControlPlaneId, bool ControlPlaneExists);
