using System.Net;
using System.Net.Sockets;

namespace KonnectES.Cluster.Support;

/// <summary>
/// The network between data planes and a node: forwards every TCP connection on its own loopback port to the node.
/// <see cref="Cut"/> drops every connection and stops listening (the node becomes unreachable, as in a crash or a
/// partition); <see cref="Restore"/> listens again on the same port.
/// </summary>
internal sealed class TcpRelay : IDisposable
{
    private readonly IPEndPoint _target;
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _cut;

    public TcpRelay(Uri target)
    {
        _target = new IPEndPoint(IPAddress.Loopback, target.Port);
        Port = ControlPlaneNode.FreePort();
        Restore();
    }

    public int Port { get; }

    public Uri Url => new("http://127.0.0.1:" + Port);

    public void Restore()
    {
        lock (_gate)
        {
            _cut = new CancellationTokenSource();
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
            _ = AcceptAsync(_listener, _cut.Token);
        }
    }

    public void Cut()
    {
        lock (_gate)
        {
            _cut?.Cancel();
            _listener?.Stop();
            foreach (var connection in _connections)
            {
                connection.Client.LingerState = new LingerOption(true, 0); // a reset, not a goodbye
                connection.Dispose();
            }

            _connections.Clear();
        }
    }

    public void Dispose() => Cut();

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(_target, cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            lock (_gate)
            {
                _connections.Add(inbound);
                _connections.Add(outbound);
            }

            _ = PumpAsync(inbound, outbound, cancellationToken);
            _ = PumpAsync(outbound, inbound, cancellationToken);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken cancellationToken)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), cancellationToken);
            to.Client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The relay was cut, or a side went away.
        }
    }
}
