using System.Collections.Immutable;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace KonnectES.DataPlane.Plugins;

/// <summary>
/// One request going through the plugins: what the router matched, who authenticated, the response a plugin
/// ended the request with, and per-plugin state that later phases read (Kong's <c>kong.ctx.plugin</c>).
/// </summary>
internal sealed class PluginContext(HttpContext http, PluginRequest request, ConsumerIndex consumers, PluginStores stores)
{
    private readonly Dictionary<KongPlugin, object> _state = [];
    private byte[]? _body;

    public HttpContext Http => http;

    public PluginRequest Request => request;

    public ConsumerIndex Consumers => consumers;

    public PluginStores Stores => stores;

    public DateTimeOffset Now => stores.Time.GetUtcNow();

    public KongConsumer? Consumer { get; private set; }

    public KongCredential? Credential { get; private set; }

    /// <summary>The response that ends the request, once a plugin produced one.</summary>
    public PluginExit? Exit { get; private set; }

    /// <summary>Headers a plugin asked for in access, added to whatever response goes out (Kong sets them in header_filter).</summary>
    public List<KeyValuePair<string, string>> ResponseHeaders { get; } = [];

    public ImmutableArray<KongConsumerGroup> ConsumerGroups => Consumer is null ? [] : consumers.GroupsOf(Consumer.Id);

    /// <summary>The client address as Kong's <c>kong.client.get_ip()</c> (IPv4-mapped addresses unwrapped).</summary>
    public IPAddress ClientIp =>
        http.Connection.RemoteIpAddress is { } ip ? ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip : IPAddress.Loopback;

    /// <summary>http, https, grpc or grpcs, for the plugins' <c>protocols</c>.</summary>
    public string Protocol
    {
        get
        {
            var grpc = http.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
            var tls = http.Request.IsHttps;
            return grpc ? tls ? "grpcs" : "grpc" : tls ? "https" : "http";
        }
    }

    public T? Get<T>(KongPlugin plugin) where T : class => _state.GetValueOrDefault(plugin) as T;

    public void Set(KongPlugin plugin, object value) => _state[plugin] = value;

    /// <summary>
    /// Kong's <c>set_consumer</c> of the auth plugins: remembers the consumer and credential and sets the
    /// <c>X-Consumer-*</c>, <c>X-Credential-Identifier</c> and <c>X-Anonymous-Consumer</c> upstream headers.
    /// A null credential means the plugin fell back to its anonymous consumer.
    /// </summary>
    public void Authenticate(KongConsumer consumer, KongCredential? credential)
    {
        Consumer = consumer;
        Credential = credential;
        var headers = http.Request.Headers;
        headers["X-Consumer-ID"] = consumer.IdText;
        SetOrClear("X-Consumer-Custom-ID", consumer.CustomId);
        SetOrClear("X-Consumer-Username", consumer.Username);
        SetOrClear("X-Credential-Identifier", credential?.Identifier);
        if (credential is null)
        {
            headers["X-Anonymous-Consumer"] = "true";
        }
        else
        {
            headers.Remove("X-Anonymous-Consumer");
        }

        void SetOrClear(string name, string? value)
        {
            if (value is null)
            {
                headers.Remove(name);
            }
            else
            {
                headers[name] = value;
            }
        }
    }

    /// <summary>
    /// Kong's shared <c>anonymous</c> fallback: on a failed authentication, continue as the configured anonymous
    /// consumer, or end with 500 when it does not exist.
    /// </summary>
    public void AuthenticateAnonymous(string anonymous)
    {
        if (consumers.Find(anonymous) is { } consumer)
        {
            Authenticate(consumer, null);
        }
        else
        {
            Error(500, $"anonymous consumer {anonymous} is configured but doesn't exist");
        }
    }

    /// <summary>Kong's <c>kong.response.error</c>: the message (or the status's default) in the client's preferred format.</summary>
    public void Error(int status, string? message, params KeyValuePair<string, string>[] headers)
    {
        var (body, contentType) = KongErrors.Render(message ?? KongErrors.DefaultMessage(status), RequestId, http.Request.Headers.Accept.ToString());
        Exit = new PluginExit(status, body, contentType, [.. headers]);
    }

    /// <summary>The id error bodies carry: the host's <c>X-Kong-Request-Id</c> value, else the connection's trace id.</summary>
    public string RequestId => request.RequestId ?? http.TraceIdentifier;

    /// <summary>Kong's <c>kong.response.exit</c> with a raw body.</summary>
    public void Respond(PluginExit exit) => Exit = exit;

    /// <summary>The request body, read once and kept so later plugins and the upstream see the same bytes.</summary>
    public async ValueTask<byte[]> ReadBodyAsync(CancellationToken cancellationToken)
    {
        if (_body is null)
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, cancellationToken);
            SetBody(buffer.ToArray());
        }

        return _body!;
    }

    /// <summary>Replaces the body sent upstream and fixes its Content-Length.</summary>
    public void SetBody(byte[] body)
    {
        _body = body;
        var request = http.Request;
        var hadBody = request.ContentLength is not null || request.Headers.ContainsKey("Transfer-Encoding");
        request.Body = new MemoryStream(body, writable: false);
        if (hadBody || body.Length > 0)
        {
            // The body is now known in full: send it with a length instead of chunks.
            request.Headers.Remove("Transfer-Encoding");
            request.ContentLength = body.Length;
        }
    }

    /// <summary>The query string arguments in order (names may repeat).</summary>
    public List<KeyValuePair<string, string>> QueryArguments() =>
        [.. http.Request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? "")))];

    /// <summary>Replaces the query string sent upstream.</summary>
    public void SetQueryArguments(IEnumerable<KeyValuePair<string, string>> arguments)
    {
        var list = arguments.ToList();
        http.Request.QueryString = list.Count == 0
            ? QueryString.Empty
            : QueryString.Create(list.Select(a => new KeyValuePair<string, StringValues>(a.Key, a.Value)));
    }
}
