using System.Net;
using System.Net.Sockets;

namespace KonnectES.DataPlane.Proxy;

/// <summary>
/// The one HTTP client every upstream call goes through, configured as YARP recommends for a forwarder: no proxy, no
/// automatic decompression, no cookies, no redirects, pooled connections. Connect timeouts are per service: the
/// connection callback reads the timeout the <see cref="UpstreamTransformer"/> put on the request.
/// </summary>
internal static class UpstreamClient
{
    /// <summary>A new invoker; one per process.</summary>
    public static HttpMessageInvoker Create() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
        ActivityHeadersPropagator = null,
        ConnectCallback = ConnectAsync,
    });

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var timeout = context.InitialRequestMessage.Options.TryGetValue(UpstreamTransformer.ConnectTimeoutKey, out var ms) && ms > 0 ? ms : 60_000;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, deadline.Token);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"connecting to {context.DnsEndPoint} timed out after {timeout} ms");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
