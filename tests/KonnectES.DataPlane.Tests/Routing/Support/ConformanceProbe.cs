using KonnectES.DataPlane.Routing;

namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>Runs a table request and reads back what a conformance row compares.</summary>
internal static class ConformanceProbe
{
    public const string NoRoute = "404";

    /// <summary>What the host header column shows when a balancer target decides it.</summary>
    public const string Target = "(target)";

    /// <summary>The winning route's name (or <see cref="NoRoute"/>), the upstream request target and Host header (null without service).</summary>
    public static (string Route, string? Upstream, string? HostHeader) Run(RouteTable table, string request)
    {
        var match = table.Match(RequestLine.Parse(request));
        if (match is null)
        {
            return (NoRoute, null, null);
        }

        var name = match.Route.Name ?? match.Route.Id;
        return match.Service is null ? (name, null, null) : (name, match.UpstreamUri, match.UpstreamHostHeader ?? Target);
    }
}
