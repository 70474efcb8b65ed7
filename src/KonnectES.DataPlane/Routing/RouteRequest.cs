using Microsoft.AspNetCore.Http;

namespace KonnectES.DataPlane.Routing;

/// <summary>The values of a request the router matches on (Kong's <c>router.exec</c> inputs).</summary>
internal readonly struct RouteRequest
{
    /// <summary>The HTTP method, upper-case.</summary>
    public required string Method { get; init; }

    /// <summary>
    /// The raw request target in origin form: the path as sent (percent-encoding and dot segments included) plus the
    /// query string. In ASP.NET Core that is <c>IHttpRequestFeature.RawTarget</c>, not <c>HttpRequest.Path</c>,
    /// which is already decoded.
    /// </summary>
    public required string Path { get; init; }

    /// <summary>The Host header as sent (may carry <c>:port</c>; the router compares the host part, lower-cased).</summary>
    public string? Host { get; init; }

    /// <summary>
    /// <c>http</c> or <c>https</c>: the scheme of the client connection. SNI conditions are only evaluated on https
    /// (kong/router/transform.lua: <c>net.protocol != "https" || tls.sni == …</c>).
    /// </summary>
    public string? Scheme { get; init; }

    /// <summary>
    /// The local port the request arrived on (Kong's <c>net.dst.port</c>), which a route host with <c>:port</c> requires;
    /// 0 when unknown, then the Host header's port stands in.
    /// </summary>
    public int LocalPort { get; init; }

    /// <summary>The TLS server name the client sent, for https.</summary>
    public string? Sni { get; init; }

    /// <summary>The request headers (names case-insensitive; several values or lines per name allowed).</summary>
    public IHeaderDictionary? Headers { get; init; }
}
