namespace KonnectES.DataPlane.Routing;

/// <summary>
/// One entry of a route's <c>hosts</c> (or <c>snis</c>): exact, <c>*.suffix</c> or <c>prefix.*</c>, optionally with
/// <c>:port</c> (kong/router/transform.lua: <c>http.host ==</c>, <c>=^</c>, <c>^=</c>, and <c>net.dst.port ==</c>).
/// Both sides are compared lower-cased: DNS names are case-insensitive, and the Host value Kong matches on
/// (nginx's <c>$host</c>) is lower-cased already.
/// </summary>
internal sealed record HostPattern(HostPatternKind Kind, string Value, int? Port)
{
    /// <summary>Parses a route host such as <c>api.example.com</c>, <c>*.example.com:8443</c> or <c>example.*</c>.</summary>
    public static HostPattern Parse(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var value = host.Trim().ToLowerInvariant();
        int? port = null;
        var colon = value.LastIndexOf(':');
        if (colon > 0 && !value.EndsWith(']') && int.TryParse(value.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture, out var p))
        {
            port = p;
            value = value[..colon];
        }

        if (value.StartsWith('*'))
        {
            return new HostPattern(HostPatternKind.Suffix, value[1..], port);
        }

        return value.EndsWith('*')
            ? new HostPattern(HostPatternKind.Prefix, value[..^1], port)
            : new HostPattern(HostPatternKind.Exact, value, port);
    }

    /// <summary>True when <paramref name="host"/> (lower-cased, without port) and <paramref name="port"/> satisfy the pattern.</summary>
    public bool Matches(string host, int port)
    {
        if (Port is { } required && required != port)
        {
            return false;
        }

        return Kind switch
        {
            HostPatternKind.Exact => host == Value,
            HostPatternKind.Suffix => host.Length > Value.Length && host.EndsWith(Value, StringComparison.Ordinal),
            _ => host.Length > Value.Length && host.StartsWith(Value, StringComparison.Ordinal),
        };
    }
}
