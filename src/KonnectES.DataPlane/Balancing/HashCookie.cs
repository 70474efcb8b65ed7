namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// The cookie Kong generates when an upstream hashes on a cookie the client did not send: the proxy host must add it
/// to the response so that the client sticks to the same target (kong/runloop/balancer/init.lua, <c>set_cookie</c>).
/// </summary>
internal sealed record HashCookie(string Name, string Value, string Path)
{
    /// <summary>The <c>Set-Cookie</c> value, spelled exactly as Kong spells it (including <c>Same-Site</c>).</summary>
    public string ToSetCookieHeader() => $"{Name}={Value}; Path={Path}; Same-Site=Lax; HttpOnly";
}
