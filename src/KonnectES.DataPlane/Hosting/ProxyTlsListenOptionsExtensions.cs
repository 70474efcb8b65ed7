using KonnectES.DataPlane.Tls;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Server.Kestrel.Core;

/// <summary>Serves the proxy's certificates on a Kestrel endpoint configured by hand (e.g. on port 0).</summary>
internal static class ProxyTlsListenOptionsExtensions
{
    /// <summary>
    /// TLS on <paramref name="listen"/> with the certificate the applied snapshot binds to the client's SNI, else the
    /// default one; needs the services of <c>AddProxy</c>.
    /// </summary>
    public static ListenOptions UseProxyCertificates(this ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        var selector = listen.ApplicationServices.GetRequiredService<ProxyCertificateSelector>();
        selector.Prepare();
        return listen.UseHttps(selector.HandshakeOptions);
    }
}
