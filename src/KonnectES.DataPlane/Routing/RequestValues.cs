using Microsoft.AspNetCore.Http;

namespace KonnectES.DataPlane.Routing;

/// <summary>A <see cref="RouteRequest"/> prepared once for matching: normalised path, lower-cased host and SNI.</summary>
internal readonly struct RequestValues
{
    /// <summary>Prepares <paramref name="request"/>.</summary>
    public RequestValues(in RouteRequest request)
    {
        Method = request.Method;
        RawPath = KongUri.PathOf(request.Path, out var query);
        Query = query;
        Path = KongUri.Normalize(RawPath);
        (Host, var hostPort) = SplitHost(request.Host);
        Port = request.LocalPort > 0 ? request.LocalPort : hostPort;
        Https = string.Equals(request.Scheme, "https", StringComparison.OrdinalIgnoreCase);
        Sni = request.Sni is { Length: > 0 } sni ? sni.TrimEnd('.').ToLowerInvariant() : null;
        Headers = request.Headers;
        RawHost = request.Host;
    }

    /// <summary>The method.</summary>
    public string Method { get; }

    /// <summary>The request path as sent, without query.</summary>
    public string RawPath { get; }

    /// <summary>The normalised path the router matches on.</summary>
    public string Path { get; }

    /// <summary>The query string (without '?'), or null when the request had no '?'.</summary>
    public string? Query { get; }

    /// <summary>The host part of the Host header, lower-cased ("" when absent).</summary>
    public string Host { get; }

    /// <summary>The Host header as sent.</summary>
    public string? RawHost { get; }

    /// <summary>The port a route host's <c>:port</c> is compared with.</summary>
    public int Port { get; }

    /// <summary>True on TLS connections.</summary>
    public bool Https { get; }

    /// <summary>The SNI, lower-cased, without trailing dot.</summary>
    public string? Sni { get; }

    /// <summary>The request headers.</summary>
    public IHeaderDictionary? Headers { get; }

    private static (string Host, int Port) SplitHost(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return ("", 0);
        }

        var end = host.StartsWith('[') ? host.IndexOf(']') + 1 : 0;
        var colon = host.IndexOf(':', Math.Max(end, 0));
        if (colon < 0)
        {
            return (host.ToLowerInvariant(), 0);
        }

        var port = int.TryParse(host.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 0;
        return (host[..colon].ToLowerInvariant(), port);
    }
}
