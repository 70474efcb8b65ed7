namespace KonnectES.Server.Tests.Portal.Authorization;

/// <summary>What an operation needs, from least to most.</summary>
public enum Need
{
    /// <summary>Any valid token.</summary>
    Authenticated,

    /// <summary>Any role in X: reads.</summary>
    Read,

    /// <summary>EDITOR and above in X: config mutations.</summary>
    Edit,

    /// <summary>CONTROL_PLANE_ADMIN and above in X: rollback, data-plane tokens.</summary>
    Administer,

    /// <summary>ADMIN: control planes and API tokens.</summary>
    Admin,
}
