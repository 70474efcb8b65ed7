using System.Diagnostics;
using System.Globalization;
using KonnectES.DataPlane.Routing;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace KonnectES.DataPlane.Proxy;

/// <summary>
/// Shapes one try of one request as Kong sends it upstream: the upstream URI the router computed, the Host header,
/// Kong's X-Forwarded-* / X-Real-IP / Via headers (incoming ones replaced), the request id, and the service's connect
/// timeout for the connection callback. On the way back it adds Kong's latency and Via headers.
/// </summary>
internal sealed class UpstreamTransformer(
    RouteMatch match, ForwardedValues forwarded, string? upstreamPath, string hostHeader, string requestId, int connectTimeoutMs, long startedAt)
    : HttpTransformer
{
    private static readonly string[] ForwardedNames =
        ["X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Path", "X-Forwarded-Prefix", "X-Real-IP", "Via"];

    private long _sentAt;

    /// <summary>The option that carries the service's connect timeout to <see cref="UpstreamClient"/>.</summary>
    public static readonly HttpRequestOptionsKey<int> ConnectTimeoutKey = new("konnectes.connect_timeout_ms");

    /// <summary>Milliseconds waiting for the upstream's response headers, once they arrived.</summary>
    public double? UpstreamMs { get; private set; }

    /// <inheritdoc />
    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        var path = upstreamPath ?? match.UpstreamPath;
        var query = httpContext.Request.QueryString.Value;
        proxyRequest.RequestUri = new Uri(string.IsNullOrEmpty(query) ? destinationPrefix + path : destinationPrefix + path + query, UriKind.Absolute);
        proxyRequest.Headers.Host = hostHeader;
        foreach (var name in ForwardedNames)
        {
            proxyRequest.Headers.Remove(name);
        }

        foreach (var (name, value) in forwarded.Headers())
        {
            // Via carries "kong/<version>", which the typed parser rejects (see ForwardedHeaders).
            proxyRequest.Headers.TryAddWithoutValidation(name, value);
        }

        proxyRequest.Headers.Remove("X-Kong-Request-Id");
        proxyRequest.Headers.TryAddWithoutValidation("X-Kong-Request-Id", requestId);
        proxyRequest.Options.Set(ConnectTimeoutKey, connectTimeoutMs);
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

        var upstream = Stopwatch.GetElapsedTime(_sentAt).TotalMilliseconds;
        UpstreamMs = upstream;
        var headers = httpContext.Response.Headers;
        var upstreamVia = headers.Via.Count == 0 ? null : headers.Via.ToString();
        headers.Via = ForwardedHeaders.ResponseVia(upstreamVia, match.Service?.Protocol ?? "http");
        headers["X-Kong-Upstream-Latency"] = ((long)upstream).ToString(CultureInfo.InvariantCulture);
        headers["X-Kong-Proxy-Latency"] = ((long)Stopwatch.GetElapsedTime(startedAt, _sentAt).TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        headers["X-Kong-Request-Id"] = requestId;
        return proceed;
    }
}
