using System.Text.Json;
using KonnectES.GraphQL.Execution;

namespace KonnectES.GraphQL.Http;

internal sealed partial class WebSocketSession
{
    /// <summary>Handles one client message; after a protocol violation the socket is closing and later messages are ignored.</summary>
    private async Task<bool> HandleAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
            return true;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
                return true;
            }

            switch (typeElement.GetString())
            {
                case "connection_init":
                    return await InitAsync(root);
                case "ping":
                    Send(new { type = "pong" });
                    return true;
                case "pong":
                    return true;
                case "subscribe":
                    return await SubscribeAsync(root, cancellationToken);
                case "complete":
                    if (root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                        && _subscriptions.TryRemove(id.GetString()!, out var subscription))
                    {
                        await subscription.CancelAsync();
                    }

                    return true;
                default:
                    await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
                    return true;
            }
        }
    }

    private async Task<bool> InitAsync(JsonElement root)
    {
        if (_initReceived)
        {
            await CloseAsync(CloseCodes.TooManyInitRequests, "Too many initialisation requests");
            return true;
        }

        _initReceived = true;
        JsonElement? payload = root.TryGetProperty("payload", out var p) && p.ValueKind != JsonValueKind.Null ? p.Clone() : null;
        if (payload is { ValueKind: not JsonValueKind.Object })
        {
            await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
            return true;
        }

        RequestContext? context;
        try
        {
            context = _server.Options.OnConnect is null
                ? new RequestContext { Services = _http.RequestServices, User = _http.User }
                : await _server.Options.OnConnect(new ConnectionInitContext(_http, payload));
        }
        catch (GraphQLException)
        {
            context = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            GraphQLLog.RequestFailed(_server.Logger, e);
            await CloseAsync(CloseCodes.InternalError, "Internal error");
            return true;
        }

        if (context is null)
        {
            await CloseAsync(CloseCodes.Forbidden, "Forbidden");
            return true;
        }

        _context = context;
        Send(new { type = "connection_ack" });
        return true;
    }

    private async Task<bool> SubscribeAsync(JsonElement root, CancellationToken cancellationToken)
    {
        if (_context is null)
        {
            await CloseAsync(CloseCodes.Unauthorized, "Unauthorized");
            return true;
        }

        if (!root.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String || idElement.GetString() is not { Length: > 0 } id
            || !root.TryGetProperty("payload", out var payload) || HttpEndpoint.ReadBody(payload) is not { Request: { } request })
        {
            await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
            return true;
        }

        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (!_subscriptions.TryAdd(id, cancellation))
        {
            cancellation.Dispose();
            await CloseAsync(CloseCodes.SubscriberExists, $"Subscriber for {id} already exists");
            return true;
        }

        if (_subscriptions.Count > _server.Options.MaxSubscriptionsPerConnection)
        {
            _subscriptions.TryRemove(id, out _);
            cancellation.Dispose();
            Send(new { id, type = "error", payload = new[] { new { message = Messages.TooManySubscriptions } } });
            return true;
        }

        _ = RunSubscriptionAsync(id, request, cancellation);
        return true;
    }

    private async Task RunSubscriptionAsync(string id, GraphQLRequest request, CancellationTokenSource cancellation)
    {
        var token = cancellation.Token;
        try
        {
            var result = await _server.Executor.SubscribeAsync(request, _context, token);
            if (result.Single is { } single)
            {
                if (!single.HasData)
                {
                    SendError(id, single);
                    return;
                }

                SendNext(id, single);
            }
            else
            {
                await foreach (var item in result.Stream!.WithCancellation(token))
                {
                    SendNext(id, item);
                }
            }

            if (!token.IsCancellationRequested)
            {
                Send(new { id, type = "complete" });
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client completed the subscription or the socket closed: the source was disposed.
        }
        catch (Exception e)
        {
            GraphQLLog.SubscriptionFailed(_server.Logger, id, e);
            Send(new { id, type = "error", payload = new[] { new { message = Messages.UnexpectedError } } });
        }
        finally
        {
            _subscriptions.TryRemove(new KeyValuePair<string, CancellationTokenSource>(id, cancellation));
            cancellation.Dispose();
        }
    }

    private void SendNext(string id, ExecutionResult result) => SendResult(id, "next", result, errorsOnly: false);

    private void SendError(string id, ExecutionResult result) => SendResult(id, "error", result, errorsOnly: true);

    private void SendResult(string id, string type, ExecutionResult result, bool errorsOnly)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("type", type);
            writer.WritePropertyName("payload");
            if (errorsOnly)
            {
                ResultWriter.WriteErrors(writer, result.Errors ?? []);
            }
            else
            {
                result.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        SendBytes(buffer.WrittenSpan.ToArray());
    }
}
