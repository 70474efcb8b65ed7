namespace KonnectES.DataPlane.Routing;

/// <summary>
/// The path sent upstream, as Kong computes it (kong/router/utils.lua <c>get_upstream_uri</c>, reference §3.6).
/// The traditional_compatible router always applies the v0 rules, whatever the route's <c>path_handling</c> says.
/// </summary>
internal static class UpstreamPath
{
    /// <summary>Joins the service path and the request path.</summary>
    /// <param name="servicePath">The service's <c>path</c>, or <c>/</c> when it has none.</param>
    /// <param name="stripPath">The route's <c>strip_path</c>.</param>
    /// <param name="postfix">What follows the matched prefix (already sanitised); without strip_path, the path minus its leading <c>/</c>.</param>
    /// <param name="requestPath">The normalised request path.</param>
    public static string Join(string servicePath, bool stripPath, string postfix, string requestPath)
    {
        if (servicePath.EndsWith('/'))
        {
            if (!stripPath)
            {
                return servicePath + requestPath[Math.Min(1, requestPath.Length)..];
            }

            if (postfix.Length == 0)
            {
                if (servicePath == "/")
                {
                    return "/";
                }

                return requestPath.EndsWith('/') ? servicePath : servicePath[..^1];
            }

            return postfix[0] == '/' ? servicePath[..^1] + postfix : servicePath + postfix;
        }

        if (!stripPath)
        {
            return requestPath == "/" ? servicePath : servicePath + requestPath;
        }

        if (postfix.Length == 0)
        {
            return requestPath.Length > 1 && requestPath.EndsWith('/') ? servicePath + "/" : servicePath;
        }

        return postfix[0] == '/' ? servicePath + postfix : servicePath + "/" + postfix;
    }
}
