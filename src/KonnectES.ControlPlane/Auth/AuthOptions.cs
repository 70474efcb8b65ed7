namespace KonnectES.ControlPlane.Auth;

/// <summary>Authentication settings.</summary>
public sealed class AuthOptions
{
    /// <summary>The bootstrap admin token (<c>KONNECTES_ADMIN_TOKEN</c>); when null, one is generated on first start and printed once.</summary>
    public string? AdminToken { get; set; }

    /// <summary>The name of the bootstrap admin token: the actor of what it changes.</summary>
    public string AdminTokenName { get; set; } = "admin";

    /// <summary>Where a generated bootstrap token is printed (the console by default).</summary>
    public TextWriter? Output { get; set; }

    /// <summary>The control plane created on first start; null for none.</summary>
    public string? DefaultControlPlane { get; set; } = "default";
}
