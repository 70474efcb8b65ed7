using KonnectES.DataPlane.Routing;
using Microsoft.AspNetCore.Http;

namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>
/// A request written the way a table reads: <c>GET https://api.example.com:8443/orders/7?x=1; X-Version: v2; sni=api.example.com</c>.
/// The port in the URL is both the Host header's and the local port; <c>-</c> as host sends no Host header.
/// </summary>
internal static class RequestLine
{
    public static RouteRequest Parse(string line)
    {
        var parts = line.Split("; ", StringSplitOptions.TrimEntries);
        var first = parts[0].Split(' ', 2);
        var url = first[1];
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = url[..schemeEnd];
        var rest = url[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/');
        var authority = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? "/" : rest[slash..];
        var colon = authority.LastIndexOf(':');
        var port = colon > 0 ? int.Parse(authority[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture) : scheme == "https" ? 443 : 80;
        string? sni = null;
        var headers = new HeaderDictionary();
        foreach (var extra in parts.Skip(1))
        {
            if (extra.StartsWith("sni=", StringComparison.Ordinal))
            {
                sni = extra[4..];
                continue;
            }

            var separator = extra.IndexOf(':', StringComparison.Ordinal);
            var name = extra[..separator].Trim();
            headers.Append(name, extra[(separator + 1)..].Trim());
        }

        return new RouteRequest
        {
            Method = first[0],
            Scheme = scheme,
            Host = authority == "-" ? null : authority,
            LocalPort = port,
            Path = path,
            Sni = sni,
            Headers = headers,
        };
    }
}
