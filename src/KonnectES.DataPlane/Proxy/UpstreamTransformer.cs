using System.Diagnostics;
using KonnectES.DataPlane.Routing;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace KonnectES.DataPlane.Proxy;

/// <summary>
/// Shapes one try of one request as Kong sends it upstream: the upstream URI the router computed, the Host header,
/// Kong's X-Forwarded-* / X-Real-IP / Via headers (incoming ones replaced), the request id, and the service's connect
/// timeout for the connection callback. On the way back it adds Kong's latency and Via headers, and counts the body of
/// a response without Content-Length.
/// </summary>
internal sealed class UpstreamTransformer(
    RouteMatch match, ForwardedValues forwarded, string? upstreamPath, string hostHeader, string requestId, int connectTimeoutMs, long startedAt)
    : HttpTransformer
{
    /// <summary>The connect timeout the connection callback assumes when a request carries none (Kong's default).</summary>
    public const int DefaultConnectTimeoutMs = 60_000;

    private long _sentAt;

    /// <summary>The option that carries the service's connect timeout to <see cref="UpstreamClient"/>.</summary>
    public static readonly HttpRequestOptionsKey<int> ConnectTimeoutKey = new("konnectes.connect_timeout_ms");

    /// <summary>Milliseconds waiting for the upstream's response headers, once they arrived.</summary>
    public double? UpstreamMs { get; private set; }

    /// <summary>The counter of a response body sent without Content-Length, or null.</summary>
    public CountingStream? ResponseBody { get; private set; }

    /// <inheritdoc />
    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        var path = upstreamPath ?? match.UpstreamPath;
        var query = httpContext.Request.QueryString.Value;
        proxyRequest.RequestUri = new Uri(string.IsNullOrEmpty(query) ? destinationPrefix + path : destinationPrefix + path + query, UriKind.Absolute);
        var headers = proxyRequest.Headers;
        headers.Host = hostHeader;

        // Incoming forwarding headers were copied: replace them (most requests carry none, so look first).
        var incoming = httpContext.Request.Headers;
        if (incoming.Count > 0)
        {
            foreach (var name in ForwardedValues.HeaderNames)
            {
                if (incoming.ContainsKey(name))
                {
                    headers.Remove(name);
                }
            }

            if (incoming.ContainsKey(KongResponseHeaders.RequestId))
            {
                headers.Remove(KongResponseHeaders.RequestId);
            }
        }

        // Via carries "kong/<version>", which the typed parser rejects (see ForwardedHeaders).
        headers.TryAddWithoutValidation("X-Forwarded-For", forwarded.For);
        headers.TryAddWithoutValidation("X-Forwarded-Proto", forwarded.Proto);
        headers.TryAddWithoutValidation("X-Forwarded-Host", forwarded.Host);
        headers.TryAddWithoutValidation("X-Forwarded-Port", forwarded.Port);
        headers.TryAddWithoutValidation("X-Forwarded-Path", forwarded.Path);
        if (forwarded.Prefix is { } prefix)
        {
            headers.TryAddWithoutValidation("X-Forwarded-Prefix", prefix);
        }

        headers.TryAddWithoutValidation("X-Real-IP", forwarded.RealIp);
        headers.TryAddWithoutValidation("Via", forwarded.Via);
        headers.TryAddWithoutValidation(KongResponseHeaders.RequestId, requestId);
        if (connectTimeoutMs != DefaultConnectTimeoutMs)
        {
            proxyRequest.Options.Set(ConnectTimeoutKey, connectTimeoutMs);
        }

        _sentAt = Stopwatch.GetTimestamp();
    }

    /// <inheritdoc />
    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var proceed = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        if (proxyResponse is null)
        {
            return proceed;
        }

        var now = Stopwatch.GetTimestamp();
        var upstream = Stopwatch.GetElapsedTime(_sentAt, now);
        UpstreamMs = upstream.TotalMilliseconds;
        var response = httpContext.Response;
        var headers = response.Headers;
        var upstreamVia = headers.Via.Count == 0 ? null : headers.Via.ToString();
        headers.Via = ForwardedHeaders.ResponseVia(upstreamVia, match.Service?.Protocol ?? "http");
        headers[KongResponseHeaders.UpstreamLatency] = KongResponseHeaders.Milliseconds(upstream);
        headers[KongResponseHeaders.ProxyLatency] = KongResponseHeaders.Milliseconds(Stopwatch.GetElapsedTime(startedAt, _sentAt));
        headers[KongResponseHeaders.RequestId] = requestId;
        if (proceed && response.ContentLength is null)
        {
            // A body of unknown length (chunked, or until the connection closes): count what is copied.
            ResponseBody = new CountingStream(response.Body);
            response.Body = ResponseBody;
        }

        return proceed;
    }
}
