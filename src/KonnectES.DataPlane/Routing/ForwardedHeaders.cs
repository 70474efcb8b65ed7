using System.Globalization;

namespace KonnectES.DataPlane.Routing;

/// <summary>
/// The forwarding headers Kong sets on the upstream request (kong/runloop/handler.lua, access phase, and the
/// <c>proxy_set_header</c> lines of kong/templates/nginx_kong.lua), as pure functions the proxy host applies.
/// </summary>
/// <remarks>
/// <c>Via</c>: since 3.8 Kong appends <c>&lt;client HTTP version&gt; kong/&lt;version&gt;</c> to the request's Via
/// (and <c>1.1 kong/&lt;version&gt;</c>, <c>2 …</c> for gRPC, to the response's). We keep Kong's exact format, because
/// tooling written for Kong (log parsers, loop detection, tests against Kong) looks for <c>kong/</c>, and report the
/// Kong version whose behaviour we reproduce, <see cref="KongVersion"/>. The pseudonym contains a '/', which RFC 7230
/// does not allow in a received-by token, so .NET's typed <c>Via</c> parser rejects it (Kong/kong#14700): the proxy
/// host must add it without validation (<c>TryAddWithoutValidation</c>).
/// </remarks>
internal static class ForwardedHeaders
{
    /// <summary>The Kong release line whose behaviour the data plane reproduces; printed in Via and Server.</summary>
    public const string KongVersion = "3.10.0";

    /// <summary>Kong's server token, <c>kong/&lt;version&gt;</c> (the <c>Server</c> header of responses Kong generates).</summary>
    public const string ServerToken = "kong/" + KongVersion;

    /// <summary>Computes the headers for the upstream request.</summary>
    public static ForwardedValues For(ForwardedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = HostWithoutPort(request.Host);
        var port = PortText(request.LocalPort);
        var trusted = request.Trusted;
        var path = trusted ? request.XForwardedPath : null;
        path ??= KongUri.PathOf(request.RequestUri, out _);
        var prefix = trusted ? request.XForwardedPrefix : null;
        if (prefix is null && request.StrippedPrefix is { } stripped && stripped != "/")
        {
            prefix = stripped;
        }

        // nginx's realip module (real_ip_header X-Real-IP, set_real_ip_from = trusted_ips) replaces $remote_addr.
        var realIp = trusted && !string.IsNullOrEmpty(request.XRealIp) ? request.XRealIp : request.ClientAddress;
        return new ForwardedValues
        {
            For = string.IsNullOrEmpty(request.XForwardedFor) ? realIp : request.XForwardedFor + ", " + request.ClientAddress,
            Proto = (trusted ? request.XForwardedProto : null) ?? request.Scheme,
            Host = (trusted ? request.XForwardedHost : null) ?? host,
            Port = (trusted ? request.XForwardedPort : null) ?? port,
            Path = path,
            Prefix = prefix,
            RealIp = realIp,
            Via = Append(request.Via, ViaEntry(request.HttpVersion)),
        };
    }

    /// <summary>
    /// The <c>Via</c> of a proxied response: the upstream's Via plus <c>1.1 kong/&lt;version&gt;</c>
    /// (<c>2 kong/…</c> when the service speaks gRPC), as Kong's header_filter sets it.
    /// </summary>
    public static string ResponseVia(string? upstreamVia, string serviceProtocol) =>
        Append(upstreamVia, (serviceProtocol is "grpc" or "grpcs" ? "2" : "1.1") + " " + ServerToken);

    private static PortString? _lastPort;

    private static string ViaEntry(string httpVersion) => httpVersion switch
    {
        "1.1" => "1.1 " + ServerToken,
        "2" => "2 " + ServerToken,
        "1.0" => "1.0 " + ServerToken,
        "3" => "3 " + ServerToken,
        _ => httpVersion + " " + ServerToken,
    };

    // A proxy listens on one or two ports: keep the last one's text instead of formatting it per request.
    private static string PortText(int port)
    {
        var last = Volatile.Read(ref _lastPort);
        if (last is null || last.Port != port)
        {
            last = new PortString(port, port.ToString(CultureInfo.InvariantCulture));
            Volatile.Write(ref _lastPort, last);
        }

        return last.Text;
    }

    private static string Append(string? existing, string entry) =>
        string.IsNullOrEmpty(existing) ? entry : existing + ", " + entry;

    private static string HostWithoutPort(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return "";
        }

        var end = host.StartsWith('[') ? host.IndexOf(']') + 1 : 0;
        var colon = host.IndexOf(':', Math.Max(end, 0));
        return (colon < 0 ? host : host[..colon]).ToLowerInvariant();
    }

    private sealed record PortString(int Port, string Text);
}
