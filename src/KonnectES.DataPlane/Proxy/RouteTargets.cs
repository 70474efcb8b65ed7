using System.Collections.Concurrent;
using KonnectES.DataPlane.Plugins;
using KonnectES.DataPlane.Routing;

namespace KonnectES.DataPlane.Proxy;

/// <summary>
/// The <see cref="RouteTarget"/> of each route of one configuration, computed on the route's first request and kept
/// for the configuration's lifetime (a swap brings new routes and a new set).
/// </summary>
internal sealed class RouteTargets
{
    private readonly ConcurrentDictionary<RouteInfo, RouteTarget> _targets = new(ReferenceEqualityComparer.Instance);

    /// <summary>The target of a matched route.</summary>
    public RouteTarget For(RouteMatch match, PluginPipeline plugins) =>
        _targets.TryGetValue(match.Route, out var target) ? target : _targets.GetOrAdd(match.Route, new RouteTarget(match.Route, match.Service, plugins));
}
