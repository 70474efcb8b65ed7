using System.Net;
using KonnectES.DataPlane.Observability;
using KonnectES.DataPlane.Proxy;
using KonnectES.DataPlane.Sync;
using KonnectES.DataPlane.Tests.Plugins;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KonnectES.DataPlane.Tests.Proxy;

/// <summary>The proxy's request path on Kestrel (a free loopback port), serving what <see cref="ApplyAsync"/> applied.</summary>
internal sealed class ProxyTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProxyTestHost(WebApplication app, ProxyConfigurationHolder holder, ProxyMetrics metrics, HttpClient client)
    {
        _app = app;
        Holder = holder;
        Metrics = metrics;
        Client = client;
    }

    public ProxyConfigurationHolder Holder { get; }

    public ProxyMetrics Metrics { get; }

    public HttpClient Client { get; }

    public static async Task<ProxyTestHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddProxy(new ProxyOptions());
        var app = builder.Build();
        var holder = app.Services.GetRequiredService<ProxyConfigurationHolder>();
        var metrics = app.Services.GetRequiredService<ProxyMetrics>();
        app.Run(app.Services.GetRequiredService<ProxyHandler>().InvokeAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ProxyTestHost(app, holder, metrics, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>Hands a snapshot built from Kong YAML (as the control plane builds it) to the proxy, as the sync client does.</summary>
    public async Task<SnapshotApplyResult> ApplyAsync(string yaml) =>
        await Holder.ApplyAsync(SnapshotState.FromDocument(KongSnapshot.FromYaml(yaml)).ToAppliedSnapshot(), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
