using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using KonnectES.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace KonnectES.GraphQL.Http;

/// <summary>
/// One graphql-transport-ws connection: connection_init/ack, ping/pong, subscribe/next/error/complete, with
/// an init timeout, a subscription cap and a bounded send queue (a client that does not read is disconnected).
/// </summary>
internal sealed partial class WebSocketSession
{
    private readonly HttpContext _http;
    private readonly GraphQLServer _server;
    private readonly WebSocket _socket;
    private readonly Channel<byte[]> _outgoing;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _subscriptions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closed = new();
    private readonly CancellationTokenSource _receiveAbort = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private int _closing;
    private bool _initReceived;
    private RequestContext? _context;

    public WebSocketSession(HttpContext http, GraphQLServer server, WebSocket socket)
    {
        _http = http;
        _server = server;
        _socket = socket;
        _outgoing = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(server.Options.SendQueueCapacity) { SingleReader = true });
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
        using var receive = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _receiveAbort.Token);
        var sender = SendLoopAsync(linked.Token);
        var timeout = InitTimeoutAsync(linked.Token);
        try
        {
            // Receives until the client's close frame arrives, also after the server started closing,
            // so the close handshake completes and the client sees the close code.
            await ReceiveLoopAsync(receive.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away or the session was closed.
        }
        finally
        {
            foreach (var subscription in _subscriptions.Values)
            {
                await subscription.CancelAsync();
            }

            _outgoing.Writer.TryComplete();
            await _closed.CancelAsync();
            await Task.WhenAll(Ignore(sender), Ignore(timeout));
        }
    }

    private static async Task Ignore(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ChannelClosedException)
        {
            // Shutting down.
        }
    }

    private async Task InitTimeoutAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(_server.Options.ConnectionInitTimeout, cancellationToken);
        if (!_initReceived)
        {
            await CloseAsync(CloseCodes.InitTimeout, "Connection initialisation timeout");
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (_socket.State == WebSocketState.Open)
        {
            var received = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (Volatile.Read(ref _closing) == 1)
            {
                continue;
            }

            message.Write(buffer, 0, received.Count);
            if (message.Length > _server.Options.MaxRequestBodySize)
            {
                await CloseAsync((int)WebSocketCloseStatus.MessageTooBig, "Message too big");
                return;
            }

            if (!received.EndOfMessage)
            {
                continue;
            }

            var bytes = message.ToArray();
            message.SetLength(0);
            if (!await HandleAsync(bytes, cancellationToken))
            {
                return;
            }
        }
    }

    private void Send(object message)
    {
        SendBytes(JsonSerializer.SerializeToUtf8Bytes(message));
    }

    private void SendBytes(byte[] bytes)
    {
        if (!_outgoing.Writer.TryWrite(bytes))
        {
            _ = CloseAsync(CloseCodes.SendQueueFull, "Send queue full");
        }
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        await foreach (var bytes in _outgoing.Reader.ReadAllAsync(cancellationToken))
        {
            await _sendLock.WaitAsync(cancellationToken);
            try
            {
                if (_socket.State == WebSocketState.Open && Volatile.Read(ref _closing) == 0)
                {
                    await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }
    }

    public async Task CloseAsync(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }

        GraphQLLog.SocketClosed(_server.Logger, code, reason);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _sendLock.WaitAsync(timeout.Token);
            try
            {
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone.
        }

        await _closed.CancelAsync();
        _receiveAbort.CancelAfter(TimeSpan.FromSeconds(2));
    }
}
