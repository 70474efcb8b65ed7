using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KonnectES.Cluster.Support;

/// <summary>
/// One control-plane node: the real server composition (<c>KonnectES.Server</c>'s Program) on Kestrel, with the portal
/// and the cluster endpoint on their own loopback ports, against a given database. Several nodes on one database form a
/// cluster; a node started again on the same cluster port is the same address coming back.
/// </summary>
internal sealed class ControlPlaneNode : IAsyncDisposable
{
    public const string AdminToken = "kes_cluster_suite_admin_token";

    private readonly WebApplicationFactory<Program> _factory;
    private readonly HttpClient _portal;
    private int _disposed;

    private ControlPlaneNode(WebApplicationFactory<Program> factory, Uri portalUrl, Uri clusterUrl)
    {
        _factory = factory;
        PortalUrl = portalUrl;
        ClusterUrl = clusterUrl;
        _portal = new HttpClient { BaseAddress = portalUrl };
        Admin = new PortalAdmin(_portal, AdminToken);
    }

    public Uri PortalUrl { get; }

    public Uri ClusterUrl { get; }

    public PortalAdmin Admin { get; }

    public static async Task<ControlPlaneNode> StartAsync(string connectionString, int? clusterPort = null, bool refuseWebSockets = false)
    {
        var portalUrl = new Uri("http://127.0.0.1:" + FreePort().ToString(CultureInfo.InvariantCulture));
        var clusterUrl = new Uri("http://127.0.0.1:" + (clusterPort ?? FreePort()).ToString(CultureInfo.InvariantCulture));
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:EventStore", connectionString);
            b.UseSetting("KONNECTES_ADMIN_TOKEN", AdminToken);
            b.UseSetting(WebHostDefaults.ServerUrlsKey, portalUrl.ToString().TrimEnd('/'));
            b.UseSetting("KONNECTES_CLUSTER_LISTEN", clusterUrl.ToString().TrimEnd('/'));
            b.UseSetting("KONNECTES_EMBEDDED_DATA_PLANE", "false"); // the tests run their own sync clients; several nodes run at once
            b.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            if (refuseWebSockets)
            {
                b.ConfigureServices(services => services.AddSingleton<IStartupFilter, RefusingWebSocketUpgrades>());
            }
        });
        factory.UseKestrel();
        await Task.Run(factory.StartServer);
        return new ControlPlaneNode(factory, portalUrl, clusterUrl);
    }

    /// <summary>A TCP port free on the loopback interface right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _portal.Dispose();
        await _factory.DisposeAsync();
    }
}
