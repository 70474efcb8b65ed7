namespace KonnectES.ControlPlane.Auth;

/// <summary>A data-plane token as listed in the portal: never the secret itself.</summary>
/// <param name="Id">The token's id.</param>
/// <param name="ControlPlaneId">The control plane it belongs to.</param>
/// <param name="Name">Its name (unique within the control plane).</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CreatedBy">The API token that created it.</param>
/// <param name="ExpiresAt">When it stops working; null for never.</param>
/// <param name="LastUsedAt">When a data plane last authenticated with it (to the minute); null when never.</param>
/// <param name="RevokedAt">When it was revoked; null while active.</param>
public sealed record DataPlaneToken(
    Guid Id, Guid ControlPlaneId, string Name, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
