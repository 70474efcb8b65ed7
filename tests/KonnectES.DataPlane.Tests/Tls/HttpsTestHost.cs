using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using KonnectES.DataPlane.Proxy;
using KonnectES.DataPlane.Sync;
using KonnectES.DataPlane.Tests.Plugins;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KonnectES.DataPlane.Tests.Tls;

/// <summary>
/// The proxy on Kestrel with a plain and a TLS listener (free loopback ports), serving what was applied, and clients
/// that name the SNI they want and record the certificate they were served.
/// </summary>
internal sealed class HttpsTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HttpsTestHost(WebApplication app, Uri plain, Uri secure)
    {
        _app = app;
        Holder = app.Services.GetRequiredService<ProxyConfigurationHolder>();
        Plain = new HttpClient { BaseAddress = plain };
        SecurePort = secure.Port;
    }

    public ProxyConfigurationHolder Holder { get; }

    /// <summary>A client of the plain listener.</summary>
    public HttpClient Plain { get; }

    public int SecurePort { get; }

    /// <param name="defaultCertificateDirectory">Where the default certificate is kept; null: in memory.</param>
    public static async Task<HttpsTestHost> StartAsync(string? defaultCertificateDirectory = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Listen(IPAddress.Loopback, 0, listen => listen.UseProxyCertificates());
        });
        builder.Services.AddProxy(new ProxyOptions { DefaultCertificateDirectory = defaultCertificateDirectory });
        var app = builder.Build();
        app.Run(app.Services.GetRequiredService<ProxyHandler>().InvokeAsync);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        return new HttpsTestHost(app, addresses.Single(a => a.Scheme == "http"), addresses.Single(a => a.Scheme == "https"));
    }

    /// <summary>Hands a snapshot built from Kong YAML (as the control plane builds it) to the proxy, as the sync client does.</summary>
    public async Task<SnapshotApplyResult> ApplyAsync(string yaml) => await ApplyAsync(KongSnapshot.FromYaml(yaml));

    public async Task<SnapshotApplyResult> ApplyAsync(JsonElement document) =>
        await Holder.ApplyAsync(SnapshotState.FromDocument(document).ToAppliedSnapshot(), CancellationToken.None);

    /// <summary>A TLS handshake on the TLS listener sending <paramref name="serverName"/> as SNI (null: none); the certificate served.</summary>
    public async Task<X509Certificate2> HandshakeAsync(string? serverName) => await HandshakeAsync(SecurePort, serverName);

    public static async Task<X509Certificate2> HandshakeAsync(int port, string? serverName)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        X509Certificate2? served = null;
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            // An empty target host sends no server_name extension at all.
            TargetHost = serverName ?? "",
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                served = X509CertificateLoader.LoadCertificate(certificate!.GetRawCertData());
                return true;
            },
        });
        return served!;
    }

    /// <summary>
    /// An HTTPS client for <c>https://{serverName}:{port}/</c> that connects to the TLS listener whatever the name
    /// resolves to (like <c>curl --resolve</c>), so the name is both the SNI and the Host; it records each certificate served.
    /// </summary>
    public HttpClient Secure(string serverName, List<X509Certificate2> served) => Secure(SecurePort, serverName, served);

    public static HttpClient Secure(int port, string serverName, List<X509Certificate2> served)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    lock (served)
                    {
                        served.Add(X509CertificateLoader.LoadCertificate(certificate!.GetRawCertData()));
                    }

                    return true;
                },
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri($"https://{serverName}:{port}/") };
    }

    public async ValueTask DisposeAsync()
    {
        Plain.Dispose();
        await _app.DisposeAsync();
    }
}
