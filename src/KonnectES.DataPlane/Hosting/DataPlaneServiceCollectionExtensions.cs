using KonnectES.DataPlane.Balancing;
using KonnectES.DataPlane.Hosting;
using KonnectES.DataPlane.Observability;
using KonnectES.DataPlane.Plugins;
using KonnectES.DataPlane.Proxy;
using KonnectES.DataPlane.Sync;
using KonnectES.DataPlane.Tls;
using KonnectES.DataPlane.Traffic;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a whole data plane: the sync client, the proxy, the health checks, metrics and traffic reports.</summary>
internal static class DataPlaneServiceCollectionExtensions
{
    /// <summary>
    /// Adds the data plane's services. The host maps the listeners with <c>UseDataPlane</c> and listens on
    /// <see cref="ProxyOptions.Urls"/>. The default certificate is kept in <c>ssl/</c> of the sync client's data
    /// directory unless <see cref="ProxyOptions.DefaultCertificateDirectory"/> says otherwise.
    /// </summary>
    public static IServiceCollection AddDataPlane(this IServiceCollection services, ProxyOptions proxy, Action<SyncClientOptions> sync, TrafficOptions? traffic = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(proxy);
        ArgumentNullException.ThrowIfNull(sync);
        traffic ??= new TrafficOptions();
        services.TryAddSingleton(sp => new DefaultCertificate(
            proxy.DefaultCertificateDirectory ?? Path.Combine(sp.GetRequiredService<SyncClientOptions>().DataDirectory, "ssl"),
            sp.GetRequiredService<ILogger<DefaultCertificate>>()));
        services.AddProxy(proxy);
        services.AddSingleton(traffic);
        services.AddSingleton(new DataPlaneClock(DateTimeOffset.UtcNow));
        services.AddSingleton<ISnapshotApplier>(sp => sp.GetRequiredService<ProxyConfigurationHolder>());
        services.AddSingleton(_ => new TrafficBuffer(traffic.MaxBufferedRows));
        services.AddSyncClient(sync);
        services.AddHostedService(sp => new ActiveHealthChecker(
            () => sp.GetRequiredService<ProxyConfigurationHolder>().Current.Upstreams, sp.GetRequiredService<ILogger<ActiveHealthChecker>>()));
        services.AddHostedService(sp => new DnsRefresher(() => sp.GetRequiredService<ProxyConfigurationHolder>().Current.Upstreams));
        services.AddHostedService<TrafficReportingService>();
        return services;
    }

    /// <summary>
    /// Adds the proxy alone: the <see cref="ProxyConfigurationHolder"/> (fed by whoever applies snapshots), the
    /// <see cref="ProxyHandler"/>, YARP's forwarder with the one upstream client, metrics, the traffic recorder, and the
    /// TLS certificate selection of the <see cref="ProxyOptions.ProxySslUrl"/> endpoint (see <c>UseProxyCertificates</c>
    /// for an endpoint configured by hand).
    /// </summary>
    public static IServiceCollection AddProxy(this IServiceCollection services, ProxyOptions proxy)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(proxy);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(proxy);
        services.AddSingleton(sp => new PluginStores(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ProxyConfigurationHolder>();
        services.AddSingleton<ProxyMetrics>();
        services.AddSingleton<TrafficRecorder>();
        services.AddHttpForwarder();
        services.AddSingleton(_ => UpstreamClient.Create());
        services.AddSingleton<ProxyHandler>();
        services.TryAddSingleton(sp => new DefaultCertificate(proxy.DefaultCertificateDirectory, sp.GetRequiredService<ILogger<DefaultCertificate>>()));
        services.AddSingleton<ProxyCertificateSelector>();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, ProxyTlsSetup>();
        services.Configure<LoggerFilterOptions>(ProxyHostDefaults.WithoutRequestLog);
        return services;
    }
}
