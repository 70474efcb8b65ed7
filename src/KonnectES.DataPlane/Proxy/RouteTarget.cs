using System.Globalization;
using KonnectES.DataPlane.Observability;
using KonnectES.DataPlane.Plugins;
using KonnectES.DataPlane.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace KonnectES.DataPlane.Proxy;

/// <summary>
/// What the proxy computes once per route of a configuration instead of once per request: the ids as
/// <see cref="Guid"/>, the names metrics report, whether any plugin can run, the service's destination prefix, Host
/// header and forwarder settings, and the route's metrics slot.
/// </summary>
internal sealed class RouteTarget
{
    private RouteMetrics? _metrics;

    /// <summary>Precomputes the target of <paramref name="route"/> and its <paramref name="service"/>.</summary>
    public RouteTarget(RouteInfo route, ServiceInfo? service, PluginPipeline plugins)
    {
        RouteId = ParseId(route.Id);
        ServiceId = ParseId(service?.Id);
        RouteName = route.Name ?? route.Id;
        ServiceName = service is null ? "" : service.Name ?? service.Id;
        ChecksProtocol = route.HttpsOnly || route.IsGrpc;
        RunsPlugins = plugins.MayRun(RouteId, ServiceId);
        if (service is null)
        {
            return;
        }

        Scheme = service.Protocol is "https" or "grpcs" or "wss" ? "https" : "http";
        RequestConfig = new ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromMilliseconds(Math.Max(service.ReadTimeout, service.WriteTimeout)) };
        if (service.Upstream is null)
        {
            Destination = Scheme + "://" + BracketIpv6(service.Host) + ":" + service.Port.ToString(CultureInfo.InvariantCulture);
            ServiceHostHeader = RouteMatch.HostHeader(service.Host, service.Port, service.Protocol);
        }
    }

    /// <summary>The route's id, when it is a UUID.</summary>
    public Guid? RouteId { get; }

    /// <summary>The service's id, when there is a service and its id is a UUID.</summary>
    public Guid? ServiceId { get; }

    /// <summary>The route's name, or its id: the <c>route</c> label of the metrics.</summary>
    public string RouteName { get; }

    /// <summary>The service's name, or its id, or empty: the <c>service</c> label of the metrics.</summary>
    public string ServiceName { get; }

    /// <summary>True when the route is https-only or gRPC: Kong's protocol checks may answer instead of proxying.</summary>
    public bool ChecksProtocol { get; }

    /// <summary>False when no plugin instance can run on this route: the upstream is called without the pipeline.</summary>
    public bool RunsPlugins { get; }

    /// <summary><c>http</c> or <c>https</c>: how the upstream is reached.</summary>
    public string Scheme { get; } = "http";

    /// <summary>The service's timeouts for YARP (the larger of read and write as the activity timeout).</summary>
    public ForwarderRequestConfig RequestConfig { get; } = ForwarderRequestConfig.Empty;

    /// <summary><c>scheme://host:port</c> of a service without upstream; null when a balancer picks the target.</summary>
    public string? Destination { get; }

    /// <summary>The Host header for a service without upstream when the route does not preserve the client's.</summary>
    public string? ServiceHostHeader { get; }

    /// <summary>The route's metrics in <paramref name="metrics"/>, resolved on first use.</summary>
    public RouteMetrics MetricsIn(ProxyMetrics metrics)
    {
        var slot = Volatile.Read(ref _metrics);
        if (slot is null || !ReferenceEquals(slot.Owner, metrics))
        {
            slot = metrics.Slot(ServiceName, RouteName);
            Volatile.Write(ref _metrics, slot);
        }

        return slot;
    }

    /// <summary>A URL host: IPv6 literals in brackets.</summary>
    public static string BracketIpv6(string host) => host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? "[" + host + "]" : host;

    private static Guid? ParseId(string? id) => id is not null && Guid.TryParse(id, out var guid) ? guid : null;
}
