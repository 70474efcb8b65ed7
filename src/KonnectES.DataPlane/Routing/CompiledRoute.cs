using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace KonnectES.DataPlane.Routing;

/// <summary>
/// One rankable unit of the router: a route, or one of its sub-routes when its paths have several prefix lengths
/// or mix prefixes and regexes (Kong splits those: one sub-route per prefix length, one for all regexes).
/// </summary>
internal sealed class CompiledRoute
{
    /// <summary>The route the sub-route came from.</summary>
    public required RouteInfo Route { get; init; }

    /// <summary>The route's service, or null.</summary>
    public ServiceInfo? Service { get; init; }

    /// <summary>Accepted methods (empty = any).</summary>
    public ImmutableArray<string> Methods { get; init; } = [];

    /// <summary>Accepted hosts (empty = any).</summary>
    public ImmutableArray<HostPattern> Hosts { get; init; } = [];

    /// <summary>Prefix paths, all of one length (empty when the sub-route has regexes or no paths).</summary>
    public ImmutableArray<string> Prefixes { get; init; } = [];

    /// <summary>Regex paths, in configured order.</summary>
    public ImmutableArray<KongRegex> Regexes { get; init; } = [];

    /// <summary>Header conditions (all must hold).</summary>
    public ImmutableArray<HeaderCondition> Headers { get; init; } = [];

    /// <summary>SNIs (checked on https only).</summary>
    public ImmutableArray<HostPattern> Snis { get; init; } = [];

    /// <summary>The rank key.</summary>
    public required RoutePriority Priority { get; init; }

    /// <summary>True when the sub-route restricts paths.</summary>
    public bool HasPaths => !Prefixes.IsEmpty || !Regexes.IsEmpty;

    /// <summary>Evaluates every condition; on success returns the matched path (and the regex match, if any).</summary>
    public bool TryMatch(in RequestValues request, out string matchedPath, out Match? regexMatch, out KongRegex? regex)
    {
        matchedPath = "";
        regexMatch = null;
        regex = null;
        if (!Methods.IsEmpty && !Methods.Contains(request.Method))
        {
            return false;
        }

        if (!Hosts.IsEmpty && !AnyHost(Hosts, request.Host, request.Port))
        {
            return false;
        }

        if (!Snis.IsEmpty && request.Https && (request.Sni is null || !AnyHost(Snis, request.Sni, 0)))
        {
            return false;
        }

        foreach (var header in Headers)
        {
            if (request.Headers is null || !request.Headers.TryGetValue(header.Name, out var values) || !header.Matches(values))
            {
                return false;
            }
        }

        if (!HasPaths)
        {
            matchedPath = "/";
            return true;
        }

        foreach (var prefix in Prefixes)
        {
            if (request.Path.StartsWith(prefix, StringComparison.Ordinal))
            {
                matchedPath = prefix;
                return true;
            }
        }

        foreach (var candidate in Regexes)
        {
            if (candidate.Match(request.Path) is { } match)
            {
                matchedPath = match.Value;
                regexMatch = match;
                regex = candidate;
                return true;
            }
        }

        return false;
    }

    private static bool AnyHost(ImmutableArray<HostPattern> patterns, string host, int port)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.Matches(host, pattern.Port is null ? 0 : port))
            {
                return true;
            }
        }

        return false;
    }
}
