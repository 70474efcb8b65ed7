namespace KonnectES.DataPlane.Routing;

/// <summary>
/// The route Kong's priority rules selected for a request, with the service and what goes upstream
/// (Kong's <c>match_t</c>: route, service, prefix, uri_captures, upstream_uri, upstream_host).
/// </summary>
internal sealed record RouteMatch
{
    /// <summary>The winning route.</summary>
    public required RouteInfo Route { get; init; }

    /// <summary>The route's service; null for a route without service (the proxy answers 503 unless a plugin ends the request).</summary>
    public ServiceInfo? Service { get; init; }

    /// <summary>The request path after Kong's normalisation, without the query string.</summary>
    public required string NormalizedPath { get; init; }

    /// <summary>The part of the path that matched: the prefix path itself, or the whole regex match.</summary>
    public required string MatchedPath { get; init; }

    /// <summary>
    /// What strip_path removed (Kong's <c>match_t.prefix</c>): <see cref="MatchedPath"/> when the route strips, null otherwise.
    /// Sent as <c>X-Forwarded-Prefix</c> unless it is <c>/</c>.
    /// </summary>
    public string? StrippedPrefix => Route.StripPath ? MatchedPath : null;

    /// <summary>Regex captures (null for prefix matches and for regexes without groups).</summary>
    public UriCaptures? UriCaptures { get; init; }

    /// <summary>The path sent upstream, escaped as Kong escapes it, without the query string.</summary>
    public required string UpstreamPath { get; init; }

    /// <summary>The query string as the client sent it (without <c>?</c>); null when the request had no <c>?</c>.</summary>
    public string? Query { get; init; }

    /// <summary>The request target sent upstream: <see cref="UpstreamPath"/> plus <c>?</c> and the query when the client sent one.</summary>
    public string UpstreamUri => Query is null ? UpstreamPath : UpstreamPath + "?" + Query;

    /// <summary>The client's Host header as sent, when the route has preserve_host (then it goes upstream unchanged).</summary>
    public string? PreservedHost { get; init; }

    /// <summary>
    /// The Host header to send upstream when it is already known: the preserved client Host, or the service host
    /// (with <c>:port</c> unless default) when the service does not point at an upstream. Null when a balancer target
    /// decides it: then call <see cref="HostHeaderFor"/> with the target.
    /// </summary>
    public string? UpstreamHostHeader => PreservedHost
        ?? (Service is { Upstream: null } s ? HostHeader(s.Host, s.Port, s.Protocol) : null);

    /// <summary>
    /// The Host header for a balancer target (kong/runloop/balancer <c>set_host_header</c>): the preserved client Host,
    /// else the upstream's host_header when set, else the target host, with <c>:port</c> unless it is the scheme's default.
    /// </summary>
    public string HostHeaderFor(string targetHost, int targetPort)
    {
        ArgumentNullException.ThrowIfNull(targetHost);
        if (PreservedHost is not null)
        {
            return PreservedHost;
        }

        var host = Service?.Upstream?.HostHeader ?? targetHost;
        return HostHeader(host, targetPort, Service?.Protocol ?? "http");
    }

    /// <summary>A Host header value: the host (IPv6 in brackets), with <c>:port</c> unless it is the protocol's default.</summary>
    public static string HostHeader(string host, int port, string protocol)
    {
        var defaultPort = protocol is "https" or "grpcs" or "wss" ? 443 : 80;
        var bracketed = host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? "[" + host + "]" : host;
        return port == defaultPort ? bracketed : $"{bracketed}:{port}";
    }
}
