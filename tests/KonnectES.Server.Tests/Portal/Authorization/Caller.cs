namespace KonnectES.Server.Tests.Portal.Authorization;

/// <summary>Who sends a request in the authorization matrix, and what the rules let each do in control plane X.</summary>
public enum Caller
{
    Admin,
    ControlPlaneAdminOfX,
    EditorOfX,
    ViewerOfX,
    TokenOfY,
    NoToken,
    BadToken,
}
