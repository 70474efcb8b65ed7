using System.Buffers;
using System.Net;
using System.Net.WebSockets;

namespace KonnectES.DataPlane.Sync;

/// <summary>The change channel: the WebSocket push channel, or long-polls, reconnecting with jittered backoff.</summary>
internal sealed partial class SyncClient
{
    // A node or a proxy that answers these to an upgrade does not pass WebSockets: long-polls will do.
    private static readonly HashSet<HttpStatusCode> UpgradeRefusals =
    [
        HttpStatusCode.BadRequest, HttpStatusCode.MethodNotAllowed,
        HttpStatusCode.UpgradeRequired, HttpStatusCode.NotImplemented,
    ];

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var longPolling = _options.Transport == SyncTransport.LongPolling;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (longPolling)
                {
                    await PollAsync(cancellationToken);
                }
                else
                {
                    await ReceivePushAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (ClusterRequestException e) when (!longPolling && _options.Transport == SyncTransport.Auto && UpgradeRefusals.Contains(e.StatusCode))
            {
                SyncLog.FallingBackToLongPolling(_logger, (int)e.StatusCode);
                longPolling = true;
                continue;
            }
            catch (Exception e)
            {
                // After a lost connection, try the push channel again: the node that answers next may pass WebSockets.
                longPolling = _options.Transport == SyncTransport.LongPolling;
                var delay = _channelBackoff.Next();
                Update(() =>
                {
                    _transport = null;
                    _lastError = Describe(e);
                });
                SyncLog.ChannelFailed(_logger, _options.ClusterUrl!, delay, Describe(e));
                if (!await DelayAsync(delay, cancellationToken))
                {
                    return;
                }

                continue;
            }

            // The node closed the socket: reconnect after the same backoff as after a failure.
            Update(() => _transport = null);
            if (!await DelayAsync(_channelBackoff.Next(), cancellationToken))
            {
                return;
            }
        }
    }

    private async Task ReceivePushAsync(CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + _options.Token);
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(15);
        var http = _api.Endpoint("v1/outlet");
        var uri = new UriBuilder(http) { Scheme = http.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri;
        Counters.Connecting();
        using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connectTimeout.CancelAfter(_options.RequestTimeout);
            try
            {
                await socket.ConnectAsync(uri, connectTimeout.Token);
            }
            catch (WebSocketException) when (socket.HttpStatusCode is not 0 and not HttpStatusCode.SwitchingProtocols)
            {
                throw new ClusterRequestException(socket.HttpStatusCode, "the node refused the push channel");
            }
        }

        SyncLog.ChannelOpened(_logger, _options.ClusterUrl!, "websocket");
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await CloseQuietlyAsync(socket);
                return;
            }

            buffer.Advance(result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            if (result.MessageType == WebSocketMessageType.Text && SnapshotNotification.TryParse(buffer.WrittenSpan) is { } notification)
            {
                Notified(notification, "websocket");
            }

            buffer.ResetWrittenCount();
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var after = Math.Max(Held?.Version ?? 0, Volatile.Read(ref _pending)?.Version ?? 0);
        while (true)
        {
            Counters.Connecting();
            var notification = await _api.PollAsync(after, cancellationToken);
            if (_transport is null)
            {
                SyncLog.ChannelOpened(_logger, _options.ClusterUrl!, "long-poll");
            }

            Notified(notification, "long-poll");
            after = notification.Version;
        }
    }

    private void Notified(SnapshotNotification notification, string transport)
    {
        Counters.Notified();
        _channelBackoff.Reset();
        var reconnected = false;
        Update(() =>
        {
            if (_transport is null)
            {
                // The control plane hears the whole target health again after a reconnection.
                ForgetAcknowledgedHealth();
                reconnected = true;
            }

            _transport = transport;
            _lastContact = DateTimeOffset.UtcNow;
            if (!_refusedHead)
            {
                _lastError = null;
            }
        });

        if (reconnected && _health is not null)
        {
            HeartbeatSoon();
        }

        // Only the newest matters: a notification not yet pulled is replaced.
        Interlocked.Exchange(ref _pending, notification);
        _wake.Writer.TryWrite(true);
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The node is gone already.
        }
    }

    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
