using KonnectES.DataPlane.Proxy;
using KonnectES.DataPlane.Tls;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace KonnectES.DataPlane.Hosting;

/// <summary>
/// Makes the endpoint Kestrel binds for <see cref="ProxyOptions.ProxySslUrl"/> a TLS one whose certificate the
/// <see cref="ProxyCertificateSelector"/> chooses per handshake. The host binds the address (with its other ones, e.g.
/// through <c>UseUrls(ProxyOptions.Urls)</c>); Kestrel's own https defaults (a development certificate) never apply.
/// </summary>
internal sealed class ProxyTlsSetup(ProxyOptions options, ProxyCertificateSelector selector) : IConfigureOptions<KestrelServerOptions>
{
    /// <inheritdoc />
    public void Configure(KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        if (options.ProxySslPort is not { } port)
        {
            return;
        }

        kestrel.ConfigureEndpointDefaults(listen =>
        {
            if (listen.IPEndPoint?.Port == port)
            {
                selector.Prepare();
                listen.UseHttps(selector.HandshakeOptions);
            }
        });
    }
}
