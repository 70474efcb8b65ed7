using System.Diagnostics;
using System.Globalization;
using KonnectES.DataPlane.Routing;
using Microsoft.AspNetCore.Http;

namespace KonnectES.DataPlane.Proxy;

/// <summary>
/// The headers Kong adds to responses (default <c>headers = server_tokens, latency_tokens, X-Kong-Request-Id</c>;
/// kong/runloop/handler.lua header_filter): a response Kong generated itself (router errors, a plugin's exit, balancer
/// and upstream failures) carries <c>Server: kong/&lt;version&gt;</c> and <c>X-Kong-Response-Latency</c>; a proxied one
/// carries <c>Via</c>, <c>X-Kong-Upstream-Latency</c> and <c>X-Kong-Proxy-Latency</c>; both carry <c>X-Kong-Request-Id</c>.
/// </summary>
internal static class KongResponseHeaders
{
    /// <summary><c>X-Kong-Request-Id</c>.</summary>
    public const string RequestId = "X-Kong-Request-Id";

    /// <summary><c>X-Kong-Response-Latency</c>.</summary>
    public const string ResponseLatency = "X-Kong-Response-Latency";

    /// <summary><c>X-Kong-Upstream-Latency</c>.</summary>
    public const string UpstreamLatency = "X-Kong-Upstream-Latency";

    /// <summary><c>X-Kong-Proxy-Latency</c>.</summary>
    public const string ProxyLatency = "X-Kong-Proxy-Latency";

    /// <summary>Sets the headers of a response Kong generated; <paramref name="startedAt"/> is the request's first timestamp.</summary>
    public static void SetGenerated(HttpResponse response, string requestId, long startedAt)
    {
        var headers = response.Headers;
        headers.Server = ForwardedHeaders.ServerToken;
        headers[ResponseLatency] = Milliseconds(Stopwatch.GetElapsedTime(startedAt));
        headers[RequestId] = requestId;
    }

    /// <summary>Whole milliseconds, as Kong prints its latency headers.</summary>
    public static string Milliseconds(TimeSpan elapsed) => ((long)elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
