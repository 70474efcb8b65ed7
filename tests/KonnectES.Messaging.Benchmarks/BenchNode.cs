using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KonnectES.Messaging.Benchmarks;

/// <summary>One messaging node (a generic host) sharing a <see cref="Probe"/> with the other in-process nodes.</summary>
internal sealed class BenchNode : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchNode(IHost host) => _host = host;

    public IOutbox Outbox => _host.Services.GetRequiredService<IOutbox>();

    public IMessageTracker Tracker => _host.Services.GetRequiredService<IMessageTracker>();

    public static async Task<BenchNode> StartAsync(string connectionString, string schema, Probe probe, bool runRelay = true, bool dieOnFirstMessage = false)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(probe);
        builder.Services.AddSingleton(new BenchNodeRole(dieOnFirstMessage));
        builder.Services.AddMessaging(o =>
            {
                o.ConnectionString = connectionString;
                o.Schema = schema;
                o.RunRelay = runRelay;
            })
            .AddMessageType<Ping>("bench.ping")
            .AddHandler<Ping, PingHandler>();
        var host = builder.Build();
        await host.StartAsync();
        return new BenchNode(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
