using System.Net.WebSockets;
using KonnectES.ControlPlane.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KonnectES.ControlPlane.Cluster;

/// <summary>The push channel (WebSocket) and the long-poll.</summary>
public static partial class ClusterEndpoints
{
    private static async Task OutletAsync(HttpContext http, DataPlaneCredential credential)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await ClusterHttp.ErrorAsync(http, StatusCodes.Status400BadRequest, "the push channel is a WebSocket: upgrade, or long-poll /v1/outlet/poll");
            return;
        }

        var nodeId = ClusterHttp.OptionalNodeId(http) ?? throw new ClusterBadRequestException("node_id is required");
        if (!credential.ControlPlaneExists || await HeadAsync(http, credential.ControlPlaneId) is null)
        {
            await ClusterHttp.NoConfigurationAsync(http);
            return;
        }

        var options = http.RequestServices.GetRequiredService<IOptions<ClusterOptions>>().Value;
        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = options.PingInterval,
            KeepAliveTimeout = options.PingInterval * 2,
        });
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var logger = Logger(http);
        ClusterLog.OutletOpened(logger, nodeId, credential.ControlPlaneId);
        var draining = DrainAsync(socket, closed);
        try
        {
            await PushAsync(http, socket, credential.ControlPlaneId, nodeId, closed.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            if (ex is WebSocketException)
            {
                ClusterLog.OutletFailed(logger, ex, nodeId);
            }
        }
        finally
        {
            if (socket.State == WebSocketState.CloseSent)
            {
                // We said goodbye: give the peer a moment to answer (cancelling a receive aborts the socket).
                await Task.WhenAny(draining, Task.Delay(TimeSpan.FromSeconds(2), http.RequestAborted));
            }

            await closed.CancelAsync();
            await draining;
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "closing", timeout.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
                {
                    ClusterLog.OutletFailed(logger, ex, nodeId);
                }
            }

            ClusterLog.OutletClosed(logger, nodeId, credential.ControlPlaneId);
        }
    }

    /// <summary>The current head at once, then every newer one; versions only grow, refused snapshots are skipped.</summary>
    private static async Task PushAsync(HttpContext http, WebSocket socket, Guid controlPlaneId, Guid nodeId, CancellationToken cancellationToken)
    {
        var notifications = http.RequestServices.GetRequiredService<SnapshotNotifications>();
        long sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var ready = await notifications.WaitForNewerAsync(controlPlaneId, sent, cancellationToken);
            sent = ready.Version;
            if (!await StillAuthorizedAsync(http, cancellationToken))
            {
                // Revoked or expired since the channel opened: close it; the reconnect then gets 401.
                await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "the data-plane token is no longer valid", cancellationToken);
                return;
            }

            if (!await RefusedAsync(http, controlPlaneId, nodeId, ready, cancellationToken))
            {
                await socket.SendAsync(ClusterHttp.Frame(ready), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
        }
    }

    private static async Task<bool> StillAuthorizedAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        return await http.RequestServices.GetRequiredService<ApiTokenStore>().AuthenticateDataPlaneTokenAsync(token, cancellationToken) is not null;
    }

    /// <summary>Reads (and ignores) what the data plane sends, so pongs and the close handshake are processed; cancels on close.</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // the peer went away, or the push loop ended: either way the channel is over
        }

        await closed.CancelAsync();
    }

    private static async Task PollAsync(HttpContext http, DataPlaneCredential credential)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<ClusterOptions>>().Value;
        var after = ClusterHttp.OptionalNumber(http, "after_version") ?? 0;
        var waitSeconds = ClusterHttp.OptionalNumber(http, "wait");
        var wait = waitSeconds is { } s ? TimeSpan.FromSeconds(Math.Min(s, (long)options.MaxPollWait.TotalSeconds)) : options.DefaultPollWait;
        var nodeId = ClusterHttp.OptionalNodeId(http);
        if (!credential.ControlPlaneExists || await HeadAsync(http, credential.ControlPlaneId) is not { } head)
        {
            await ClusterHttp.NoConfigurationAsync(http);
            return;
        }

        var answer = head;
        // "Differs", not "is newer": a data plane ahead of the control plane (a restored database) must hear of it at once.
        if (head.Version == after || await RefusedAsync(http, credential.ControlPlaneId, nodeId, head, http.RequestAborted))
        {
            answer = await WaitForPushableAsync(http, credential.ControlPlaneId, nodeId, head.Version, wait)
                ?? http.RequestServices.GetRequiredService<SnapshotNotifications>().Latest(credential.ControlPlaneId) ?? head;
        }

        http.Response.ContentType = "application/json";
        await http.Response.Body.WriteAsync(ClusterHttp.Frame(answer), http.RequestAborted);
    }

    /// <summary>The first head newer than <paramref name="after"/> the node did not refuse, or null when <paramref name="wait"/> passed.</summary>
    private static async Task<SnapshotReady?> WaitForPushableAsync(HttpContext http, Guid controlPlaneId, Guid? nodeId, long after, TimeSpan wait)
    {
        var notifications = http.RequestServices.GetRequiredService<SnapshotNotifications>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(wait);
        try
        {
            while (true)
            {
                var ready = await notifications.WaitForNewerAsync(controlPlaneId, after, timeout.Token);
                if (!await RefusedAsync(http, controlPlaneId, nodeId, ready, timeout.Token))
                {
                    return ready;
                }

                after = ready.Version;
            }
        }
        catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
        {
            return null;
        }
    }
}
