using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KonnectES.DataPlane.Tests.Balancing;

/// <summary>A real HTTP target on a free loopback port whose <c>/health</c> answer the test controls.</summary>
internal sealed class KestrelTarget : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelTarget(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The status <c>/health</c> answers with.</summary>
    public int HealthStatus { get; set; } = 200;

    /// <summary>How long <c>/health</c> waits before answering.</summary>
    public TimeSpan HealthDelay { get; set; }

    public int Probes => Volatile.Read(ref _probes);

    public string? LastHost { get; private set; }

    public string? LastProbeHeader { get; private set; }

    public int Port { get; private set; }

    public string Target => $"127.0.0.1:{Port}";

    private int _probes;

    public static async Task<KestrelTarget> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var target = new KestrelTarget(app);
        app.MapGet("/health", async (HttpContext context) =>
        {
            Interlocked.Increment(ref target._probes);
            target.LastHost = context.Request.Host.Value;
            target.LastProbeHeader = context.Request.Headers["x-probe"];
            if (target.HealthDelay > TimeSpan.Zero)
            {
                await Task.Delay(target.HealthDelay, context.RequestAborted);
            }

            return Results.StatusCode(target.HealthStatus);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        target.Port = new Uri(address).Port;
        return target;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
