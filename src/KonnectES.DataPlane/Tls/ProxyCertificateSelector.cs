using System.Net.Security;
using KonnectES.DataPlane.Proxy;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace KonnectES.DataPlane.Tls;

/// <summary>
/// Chooses the certificate of each TLS handshake on the proxy: the one the configuration in force binds to the client's
/// server name, else the <see cref="DefaultCertificate"/>. Lock-free: one volatile read and a dictionary lookup, so a
/// swapped-in snapshot changes what the next handshake gets and never one in progress.
/// </summary>
internal sealed class ProxyCertificateSelector(ProxyConfigurationHolder configurations, DefaultCertificate fallback)
{
    // Kong's proxy offers HTTP/2 and HTTP/1.1 over TLS.
    private static readonly List<SslApplicationProtocol> ApplicationProtocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11];

    /// <summary>Kestrel's handshake options for a TLS proxy listener.</summary>
    public TlsHandshakeCallbackOptions HandshakeOptions => new()
    {
        OnConnection = context => ValueTask.FromResult(new SslServerAuthenticationOptions
        {
            ServerCertificateContext = Select(context.ClientHelloInfo.ServerName).Context,
            ApplicationProtocols = ApplicationProtocols,
        }),
    };

    /// <summary>The certificate for a client that sent <paramref name="serverName"/> (null or empty: no SNI).</summary>
    public ServedCertificate Select(string? serverName) =>
        configurations.Current.Certificates.Find(serverName) ?? fallback.Certificate;

    /// <summary>Makes (or reads) the default certificate now rather than in the first handshake.</summary>
    public void Prepare() => _ = fallback.Certificate;
}
