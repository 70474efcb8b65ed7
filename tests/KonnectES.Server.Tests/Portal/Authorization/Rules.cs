namespace KonnectES.Server.Tests.Portal.Authorization;

/// <summary>
/// The portal's authorization rules, as the guide states them: reads = any role of the control plane; config
/// mutations = EDITOR and above; rollback and data-plane tokens = CONTROL_PLANE_ADMIN and above; control planes and
/// API tokens = ADMIN. A missing or unknown token is UNAUTHENTICATED; a valid token without the need is FORBIDDEN.
/// </summary>
internal static class Rules
{
    public const string Allowed = "ALLOWED";
    public const string Forbidden = "FORBIDDEN";
    public const string Unauthenticated = "UNAUTHENTICATED";

    public static string Expected(Caller caller, Need need) => caller switch
    {
        Caller.NoToken or Caller.BadToken => Unauthenticated,
        _ when need <= Strongest(caller) => Allowed,
        _ => Forbidden,
    };

    /// <summary>The most a caller may do in X.</summary>
    private static Need Strongest(Caller caller) => caller switch
    {
        Caller.Admin => Need.Admin,
        Caller.ControlPlaneAdminOfX => Need.Administer,
        Caller.EditorOfX => Need.Edit,
        Caller.ViewerOfX => Need.Read,
        _ => Need.Authenticated,
    };
}
