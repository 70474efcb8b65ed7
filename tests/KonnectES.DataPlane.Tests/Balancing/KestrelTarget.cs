using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
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

    /// <summary>The server name the last TLS client asked for (SNI).</summary>
    public string? LastServerName { get; private set; }

    public static Task<KestrelTarget> StartAsync() => StartAsync(https: false);

    /// <summary>A target serving HTTPS with a fresh self-signed certificate.</summary>
    public static Task<KestrelTarget> StartHttpsAsync() => StartAsync(https: true);

    private static async Task<KestrelTarget> StartAsync(bool https)
    {
        var builder = WebApplication.CreateSlimBuilder();
        KestrelTarget? created = null;
        if (https)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=target.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(o => o.ServerCertificateSelector = (_, name) =>
            {
                created!.LastServerName = name;
                return certificate;
            })));
        }
        else
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }

        builder.Logging.ClearProviders();
        var app = builder.Build();
        var target = created = new KestrelTarget(app);
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
