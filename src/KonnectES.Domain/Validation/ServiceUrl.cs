namespace KonnectES.Domain;

/// <summary>Kong's write-only <c>url</c> shorthand of a service.</summary>
public static class ServiceUrl
{
    /// <summary>
    /// Applies <paramref name="url"/> to <paramref name="service"/>: scheme → protocol, host, port
    /// (explicit, else 443 for https/grpcs/wss, else 80) and path (null when absent).
    /// </summary>
    public static Result<Service> Apply(Service service, string url)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return Result<Service>.Fail(DomainError.Invalid($"invalid url: '{url}'", "url"));
        }

        var protocol = uri.Scheme.ToLowerInvariant();
        var explicitPort = url.IndexOf("://", StringComparison.Ordinal) is var i && i >= 0 && HasPort(url[(i + 3)..]);
        var port = explicitPort ? uri.Port : protocol is "https" or "grpcs" or "wss" ? 443 : 80;
        var path = uri.AbsolutePath is "" ? null : uri.AbsolutePath;
        if (path == "/" && !HasPath(url))
        {
            path = null;
        }

        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host;
        return Result<Service>.Ok(service with { Protocol = protocol, Host = host, Port = port, Path = path });
    }

    private static bool HasPort(string rest)
    {
        var authority = rest.Split('/', '?', '#')[0];
        var at = authority.LastIndexOf('@');
        authority = authority[(at + 1)..];
        var close = authority.LastIndexOf(']');
        return authority.LastIndexOf(':') > close;
    }

    private static bool HasPath(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal) + 3;
        return url.IndexOf('/', start) >= 0;
    }
}
