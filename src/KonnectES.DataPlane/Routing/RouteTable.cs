using System.Collections.Immutable;

namespace KonnectES.DataPlane.Routing;

/// <summary>
/// Kong's router (traditional_compatible flavor, the default) compiled from a snapshot: immutable, so the proxy
/// builds a new one off the request path for each snapshot and swaps it in atomically, then calls
/// <see cref="Match"/> per request.
/// </summary>
/// <remarks>
/// Routes are ranked once at compile time (<see cref="RoutePriority"/>) and filed into buckets: routes with hosts
/// under each exact host, host suffix (<c>*.a.com</c>) or host prefix (<c>a.*</c>), routes without hosts in one
/// more bucket; within a bucket, under the literal start of each path (prefix paths, and regexes up to their first
/// metacharacter), or in a ranked rest list (methods, headers or SNIs only, regexes without a literal start).
/// A lookup probes only the lists the request's host and path select and stops in each at the first match or at
/// the best rank found so far, so it returns exactly the highest-ranked matching route without scanning them all.
/// </remarks>
internal sealed partial class RouteTable
{
    private readonly ImmutableArray<CompiledRoute> _routes;
    private readonly HostIndex _exactHosts;
    private readonly HostIndex _hostSuffixes;
    private readonly HostIndex _hostPrefixes;
    private readonly RouteBucket _hostless;

    private RouteTable(
        ImmutableArray<CompiledRoute> routes,
        HostIndex exactHosts,
        HostIndex hostSuffixes,
        HostIndex hostPrefixes,
        RouteBucket hostless,
        ImmutableArray<RouteCompileError> errors)
    {
        _routes = routes;
        _exactHosts = exactHosts;
        _hostSuffixes = hostSuffixes;
        _hostPrefixes = hostPrefixes;
        _hostless = hostless;
        Errors = errors;
    }

    /// <summary>An empty table: every request gets Kong's 404.</summary>
    public static RouteTable Empty { get; } = Build([], []);

    /// <summary>Routes that could not be compiled (they are left out of the table); empty when all compiled.</summary>
    public ImmutableArray<RouteCompileError> Errors { get; }

    /// <summary>The number of compiled (sub-)routes, in rank order.</summary>
    public int Count => _routes.Length;

    /// <summary>The ids of the compiled routes in the order the router tries them (sub-routes repeat their route's id).</summary>
    public IEnumerable<string> RankedRouteIds => _routes.Select(r => r.Route.Id);
}
