using System.Diagnostics;
using System.Text.Json;
using KonnectES.DataPlane.Balancing;
using KonnectES.DataPlane.Plugins;
using KonnectES.DataPlane.Routing;
using KonnectES.DataPlane.Tls;
using KonnectES.Domain;

namespace KonnectES.DataPlane.Proxy;

/// <summary>
/// Everything the proxy needs to serve one snapshot, compiled off the request path: the router, the plugins, the
/// balancers and the TLS certificates. Immutable: a request reads <see cref="ProxyConfigurationHolder.Current"/> once
/// and keeps that object to the end, whatever is swapped in meanwhile.
/// </summary>
internal sealed class ProxyConfiguration
{
    private ProxyConfiguration(
        long? version, ConfigHash? configHash, ConfigHash? snapshotHash, RouteTable routes, PluginPipeline plugins, UpstreamSet upstreams, int services,
        CertificateTable certificates)
    {
        Version = version;
        ConfigHash = configHash;
        SnapshotHash = snapshotHash;
        Routes = routes;
        Plugins = plugins;
        Upstreams = upstreams;
        ServiceCount = services;
        Certificates = certificates;
    }

    /// <summary>The applied configuration version; null before the first snapshot.</summary>
    public long? Version { get; }

    /// <summary>The control plane's hash of the configuration at <see cref="Version"/>.</summary>
    public ConfigHash? ConfigHash { get; }

    /// <summary>The hash of the entities served.</summary>
    public ConfigHash? SnapshotHash { get; }

    /// <summary>Kong's router over the snapshot's routes.</summary>
    public RouteTable Routes { get; }

    /// <summary>The plugin pipeline over the snapshot's plugins and consumers.</summary>
    public PluginPipeline Plugins { get; }

    /// <summary>The upstreams' balancers.</summary>
    public UpstreamSet Upstreams { get; }

    /// <summary>The certificates served on the TLS listener, by SNI.</summary>
    public CertificateTable Certificates { get; }

    /// <summary>The number of services in the snapshot.</summary>
    public int ServiceCount { get; }

    /// <summary>What the proxy precomputes per route of this configuration.</summary>
    public RouteTargets Targets { get; } = new();

    /// <summary>What a data plane serves before its first snapshot: Kong's 404 for every request.</summary>
    public static ProxyConfiguration Empty(PluginStores stores, BalancingOptions? balancing = null) =>
        new(null, null, null, RouteTable.Empty, new PluginPipeline(PluginSet.Empty, stores), EmptyUpstreams(balancing), 0, CertificateTable.Empty);

    /// <summary>
    /// Compiles every part of <paramref name="snapshot"/>; the errors of any part (a route that does not compile, a
    /// plugin this data plane cannot run, an unreadable upstream, a certificate whose PEM does not load) refuse the
    /// whole snapshot.
    /// </summary>
    /// <param name="version">The snapshot's configuration version.</param>
    /// <param name="configHash">The configuration hash.</param>
    /// <param name="snapshotHash">The snapshot hash.</param>
    /// <param name="snapshot">The snapshot's sections.</param>
    /// <param name="previous">The configuration in force: its balancers hand over address health, its router the unchanged routes.</param>
    /// <param name="stores">The plugin state shared across snapshots.</param>
    /// <param name="errors">Why the snapshot cannot be served; empty on success.</param>
    /// <param name="timings">How long each part took.</param>
    public static ProxyConfiguration? Compile(
        long version, ConfigHash configHash, ConfigHash snapshotHash, SnapshotSections snapshot, ProxyConfiguration? previous, PluginStores stores,
        out IReadOnlyList<string> errors, out ConfigCompileTimings timings)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var problems = new List<string>();
        RouteTable routes;
        PluginSet plugins;
        UpstreamSet upstreams;
        var started = Stopwatch.GetTimestamp();
        TimeSpan routesTime = default, pluginsTime = default;
        CertificateTable certificates;
        try
        {
            routes = RouteTable.Compile(snapshot, previous?.Routes);
            problems.AddRange(routes.Errors.Select(e => e.ToString()));
            routesTime = Stopwatch.GetElapsedTime(started);
            plugins = PluginSet.Compile(snapshot);
            problems.AddRange(plugins.Errors.Select(e => e.ToString()));
            pluginsTime = Stopwatch.GetElapsedTime(started) - routesTime;
            upstreams = UpstreamSet.Compile(snapshot, previous?.Upstreams);
            certificates = CertificateTable.Compile(snapshot.Document("certificates", "snis"), previous?.Certificates);
            problems.AddRange(certificates.Errors);
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            problems.Add("the snapshot cannot be read: " + exception.Message);
            errors = problems;
            timings = new ConfigCompileTimings(routesTime, pluginsTime, Stopwatch.GetElapsedTime(started) - routesTime - pluginsTime, 0);
            return null;
        }

        errors = problems;
        timings = new ConfigCompileTimings(routesTime, pluginsTime, Stopwatch.GetElapsedTime(started) - routesTime - pluginsTime, routes.ReusedRoutes);
        if (problems.Count > 0)
        {
            return null;
        }

        return new ProxyConfiguration(
            version, configHash, snapshotHash, routes, new PluginPipeline(plugins, stores), upstreams, snapshot.Count("services"), certificates);
    }

    private static UpstreamSet EmptyUpstreams(BalancingOptions? balancing)
    {
        using var empty = JsonDocument.Parse("{}");
        return UpstreamSet.Compile(empty.RootElement, null, balancing);
    }
}
