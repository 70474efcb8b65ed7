using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KonnectES.DataPlane.Routing;

/// <summary>Reads the router's inputs from an ASP.NET Core request, taking the values Kong takes from nginx.</summary>
internal static class HttpContextRouting
{
    /// <summary>
    /// The <see cref="RouteRequest"/> of <paramref name="context"/>: the raw request target (not the decoded
    /// <c>Request.Path</c>), the Host header as sent, the local port and the TLS server name.
    /// </summary>
    public static RouteRequest RouteRequestOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        return new RouteRequest
        {
            Method = request.Method,
            Path = RawTarget(context),
            Host = request.Headers.Host.Count > 0 ? request.Headers.Host.ToString() : null,
            Scheme = request.IsHttps ? "https" : "http",
            LocalPort = context.Connection.LocalPort,
            Sni = context.Features.Get<ITlsHandshakeFeature>()?.HostName,
            Headers = request.Headers,
        };
    }

    /// <summary>
    /// The <see cref="ForwardedRequest"/> of <paramref name="context"/>; <paramref name="trusted"/> says whether the
    /// peer is in <c>trusted_ips</c>, <paramref name="strippedPrefix"/> is <see cref="RouteMatch.StrippedPrefix"/>.
    /// </summary>
    public static ForwardedRequest ForwardedRequestOf(HttpContext context, bool trusted, string? strippedPrefix)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var headers = request.Headers;
        return new ForwardedRequest
        {
            ClientAddress = context.Connection.RemoteIpAddress?.ToString() ?? "",
            Trusted = trusted,
            Scheme = request.IsHttps ? "https" : "http",
            Host = headers.Host.Count > 0 ? headers.Host.ToString() : null,
            LocalPort = context.Connection.LocalPort,
            RequestUri = RawTarget(context),
            HttpVersion = HttpVersionOf(request.Protocol),
            StrippedPrefix = strippedPrefix,
            XForwardedFor = Joined(headers, "X-Forwarded-For"),
            XForwardedProto = First(headers, "X-Forwarded-Proto"),
            XForwardedHost = First(headers, "X-Forwarded-Host"),
            XForwardedPort = First(headers, "X-Forwarded-Port"),
            XForwardedPath = First(headers, "X-Forwarded-Path"),
            XForwardedPrefix = First(headers, "X-Forwarded-Prefix"),
            XRealIp = First(headers, "X-Real-IP"),
            Via = Joined(headers, "Via"),
        };
    }

    /// <summary>The version as Kong prints it in Via: <c>HTTP/1.1</c> → <c>1.1</c>, <c>HTTP/2</c> → <c>2</c>.</summary>
    public static string HttpVersionOf(string protocol) => protocol switch
    {
        _ when HttpProtocol.IsHttp2(protocol) => "2",
        _ when HttpProtocol.IsHttp3(protocol) => "3",
        _ when HttpProtocol.IsHttp10(protocol) => "1.0",
        _ => "1.1",
    };

    private static string RawTarget(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (!string.IsNullOrEmpty(raw) && raw[0] == '/')
        {
            return raw;
        }

        // Absolute-form or missing raw target: rebuild the origin form from the (escaped) path and query.
        var request = context.Request;
        var path = request.PathBase.Add(request.Path).ToUriComponent();
        return (path.Length == 0 ? "/" : path) + request.QueryString.ToUriComponent();
    }

    // nginx's $http_x_… joins repeated header lines with ", "; Kong's get_header takes the first line for single-valued ones.
    private static string? Joined(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count > 0 ? string.Join(", ", values.ToArray()) : null;

    private static string? First(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
