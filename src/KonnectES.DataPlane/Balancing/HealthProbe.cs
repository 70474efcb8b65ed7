using System.Collections.Immutable;
using System.Net.Sockets;
using System.Security.Authentication;

namespace KonnectES.DataPlane.Balancing;

/// <summary>
/// One active probe, as lua-resty-healthcheck runs it: a TCP connect for <c>tcp</c>, otherwise
/// <c>GET http_path</c> with the target's host name (or the upstream's <c>host_header</c>) as Host, the configured
/// headers, no redirects and a fresh connection, all within <c>timeout</c> seconds. A failed TLS handshake counts as a
/// TCP failure, as in Kong.
/// </summary>
internal sealed class HealthProbe : IDisposable
{
    private readonly HttpMessageInvoker _plain = Create(verify: true);
    private readonly HttpMessageInvoker _verified = Create(verify: true);
    private readonly HttpMessageInvoker _unverified = Create(verify: false);

    public async Task<PeerResult> ProbeAsync(Balancer balancer, BalancerAddress address, CancellationToken cancellationToken)
    {
        var active = balancer.Definition.Healthchecks.Active;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(active.Timeout > 0 ? active.Timeout : 1));
        try
        {
            if (active.Type == "tcp")
            {
                using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(address.Ip.Trim('[', ']'), address.Port, timeout.Token);
                return PeerResult.Connected();
            }

            var secure = active.Type is "https" or "grpcs";
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{(secure ? "https" : "http")}://{address.Ip}:{address.Port}{active.HttpPath}"));
            request.Headers.Host = balancer.Definition.HostHeader ?? address.Target.Host;
            request.Headers.ConnectionClose = true;
            foreach (var (name, values) in active.Headers ?? ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty)
            {
                request.Headers.TryAddWithoutValidation(name, values.AsEnumerable());
            }

            var client = !secure ? _plain : active.HttpsVerifyCertificate ? _verified : _unverified;
            using var response = await client.SendAsync(request, timeout.Token);
            return PeerResult.Response((int)response.StatusCode);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return PeerResult.Timeout();
        }
        catch (Exception ex) when (ex is SocketException or HttpRequestException or AuthenticationException or IOException)
        {
            return PeerResult.TcpFailure();
        }
    }

    public void Dispose()
    {
        _plain.Dispose();
        _verified.Dispose();
        _unverified.Dispose();
    }

    private static HttpMessageInvoker Create(bool verify)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.Zero,
        };
        if (!verify)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }

        return new HttpMessageInvoker(handler);
    }
}
