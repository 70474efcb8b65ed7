using KonnectES.DataPlane.Plugins;
using KonnectES.DataPlane.Routing;
using KonnectES.DataPlane.Sync;
using Microsoft.Extensions.Logging;

namespace KonnectES.DataPlane.Proxy;

/// <summary>
/// Holds the configuration the proxy serves in one volatile reference, and is the sync client's
/// <see cref="ISnapshotApplier"/>: each snapshot is compiled off the request path and swapped in atomically, or refused
/// with its errors (the sync client then sends a NACK and the previous configuration keeps serving).
/// </summary>
internal sealed partial class ProxyConfigurationHolder : ISnapshotApplier
{
    private readonly PluginStores _stores;
    private readonly ILogger<ProxyConfigurationHolder> _logger;
    private readonly Lock _applying = new();
    private ProxyConfiguration _current;

    /// <summary>A holder serving nothing yet (Kong's 404 for every request).</summary>
    public ProxyConfigurationHolder(PluginStores stores, ILogger<ProxyConfigurationHolder> logger)
    {
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(logger);
        _stores = stores;
        _logger = logger;
        _current = ProxyConfiguration.Empty(stores);
    }

    /// <summary>The configuration in force; read it once per request.</summary>
    public ProxyConfiguration Current => Volatile.Read(ref _current);

    /// <summary>The last refusal's first line, or null when the last snapshot was applied.</summary>
    public string? LastError { get; private set; }

    /// <summary>How long the last compile took, part by part; null before the first snapshot.</summary>
    public ConfigCompileTimings? LastCompile { get; private set; }

    /// <inheritdoc />
    public ValueTask<SnapshotApplyResult> ApplyAsync(AppliedSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        cancellationToken.ThrowIfCancellationRequested();

        // One compile at a time: the balancers of the previous configuration hand their health to the next one.
        lock (_applying)
        {
            // Compiled from the entity lists the sync client holds, never from a rebuilt document; the router takes over
            // every route of the configuration in force whose JSON and service did not change.
            var compiled = ProxyConfiguration.Compile(
                snapshot.Version, snapshot.ConfigHash, snapshot.SnapshotHash, SnapshotSections.Of(snapshot.Sections), Current, _stores,
                out var errors, out var timings);
            LastCompile = timings with { Version = snapshot.Version, Applied = compiled is not null };
            if (compiled is null)
            {
                LastError = errors[0];
                LogRefused(_logger, snapshot.Version, errors.Count, errors[0]);
                return ValueTask.FromResult(SnapshotApplyResult.Refused(
                    $"version {snapshot.Version} refused: {errors.Count} error(s), first: {errors[0]}", errors));
            }

            Volatile.Write(ref _current, compiled);
            LastError = null;
            LogApplied(_logger, snapshot.Version, compiled.Routes.Count, compiled.ServiceCount, compiled.Plugins.Plugins.Instances.Count());
            LogCompiled(
                _logger, snapshot.Version, timings.Total.TotalMilliseconds, timings.Routes.TotalMilliseconds, timings.ReusedRoutes,
                timings.Plugins.TotalMilliseconds, timings.Upstreams.TotalMilliseconds);
            return ValueTask.FromResult(SnapshotApplyResult.Applied);
        }
    }

    [LoggerMessage(EventId = 5701, Level = LogLevel.Information, Message = "Serving configuration version {Version}: {Routes} route(s), {Services} service(s), {Plugins} plugin(s)")]
    private static partial void LogApplied(ILogger logger, long version, int routes, int services, int plugins);

    [LoggerMessage(EventId = 5703, Level = LogLevel.Information, Message = "Compiled configuration version {Version} in {Milliseconds:F1} ms: router {RoutesMs:F1} ms ({Reused} route(s) taken over), plugins {PluginsMs:F1} ms, upstreams {UpstreamsMs:F1} ms")]
    private static partial void LogCompiled(ILogger logger, long version, double milliseconds, double routesMs, int reused, double pluginsMs, double upstreamsMs);

    [LoggerMessage(EventId = 5702, Level = LogLevel.Warning, Message = "Refused configuration version {Version} with {Count} error(s), the first: {Error}")]
    private static partial void LogRefused(ILogger logger, long version, int count, string error);
}
