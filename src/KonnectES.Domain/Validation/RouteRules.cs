using System.Collections.Immutable;

namespace KonnectES.Domain;

/// <summary>kong/db/schema/entities/routes.lua and routes_subschemas.lua.</summary>
internal static class RouteRules
{
    private static readonly int[] RedirectCodes = [426, 301, 302, 307, 308];

    public static Route Normalize(Route r) => r with
    {
        Protocols = EntityValidator.Set(r.Protocols),
        Methods = EntityValidator.Set(r.Methods),
        Snis = EntityValidator.Set(r.Snis),
        Hosts = r.Hosts.IsDefault ? [] : r.Hosts,
        Paths = r.Paths.IsDefault ? [] : r.Paths,
        Sources = r.Sources.IsDefault ? [] : r.Sources,
        Destinations = r.Destinations.IsDefault ? [] : r.Destinations,
        Headers = r.Headers is { Count: 0 } ? null : r.Headers,
    };

    public static void Validate(Route r, List<DomainError> errors)
    {
        if (r.Name is { } name && !Formats.IsUtf8Name(name))
        {
            errors.Add(DomainError.Invalid("invalid value '" + name + "': the only accepted ascii characters are alphanumerics or ., -, _, and ~", "name"));
        }

        var family = RouteFamilies.Of(r.Protocols, errors);
        Fields(r, errors);
        if (!RedirectCodes.Contains(r.HttpsRedirectStatusCode))
        {
            errors.Add(DomainError.Invalid("expected one of: 426, 301, 302, 307, 308", "https_redirect_status_code"));
        }

        Formats.OneOf(r.PathHandling, ["v0", "v1"], "path_handling", errors);
        if (r.Expression is not null)
        {
            Expression(r, errors);
        }
        else if (family is not null)
        {
            RouteFamilies.Check(r, family, errors);
        }

        if (r.Priority != 0 && r.Expression is null)
        {
            errors.Add(DomainError.Invalid("'priority' can only be set together with 'expression'", "priority"));
        }
    }

    private static void Fields(Route r, List<DomainError> errors)
    {
        for (var i = 0; i < r.Methods.Length; i++)
        {
            if (!Formats.IsMethod(r.Methods[i]))
            {
                errors.Add(DomainError.Invalid("invalid value: " + r.Methods[i], "methods", Formats.Index(i)));
            }
        }

        for (var i = 0; i < r.Hosts.Length; i++)
        {
            if (HostError(r.Hosts[i]) is { } error)
            {
                errors.Add(DomainError.Invalid(error, "hosts", Formats.Index(i)));
            }
        }

        for (var i = 0; i < r.Paths.Length; i++)
        {
            if (RoutePaths.Error(r.Paths[i]) is { } error)
            {
                errors.Add(DomainError.Invalid(error, "paths", Formats.Index(i)));
            }
        }

        for (var i = 0; i < r.Snis.Length; i++)
        {
            if (WildcardHostError(r.Snis[i], allowPort: false) is { } error)
            {
                errors.Add(DomainError.Invalid(error, "snis", Formats.Index(i)));
            }
        }

        foreach (var (header, values) in r.Headers ?? ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty)
        {
            if (header.Equals("host", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(DomainError.Invalid("cannot contain 'host' header, which must be specified in the 'hosts' attribute", "headers", header));
            }
            else if (!Formats.IsHeaderName(header))
            {
                errors.Add(DomainError.Invalid("invalid header name", "headers", header));
            }
            else if (values.IsDefaultOrEmpty)
            {
                errors.Add(DomainError.Invalid("length must be at least 1", "headers", header));
            }
            else
            {
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i].StartsWith("~*", StringComparison.Ordinal) && RoutePaths.RegexError("/" + values[i][2..]) is { } regexError)
                    {
                        errors.Add(DomainError.Invalid(regexError.Replace("'/", "'", StringComparison.Ordinal), "headers", header, Formats.Index(i)));
                    }
                }
            }
        }

        Endpoints(r.Sources, "sources", errors);
        Endpoints(r.Destinations, "destinations", errors);
    }

    private static void Expression(Route r, List<DomainError> errors)
    {
        if (string.IsNullOrWhiteSpace(r.Expression))
        {
            errors.Add(DomainError.Invalid("length must be at least 1", "expression"));
        }

        foreach (var (set, field) in new[] { (!r.Methods.IsEmpty, "methods"), (!r.Hosts.IsEmpty, "hosts"), (!r.Paths.IsEmpty, "paths"),
                     (r.Headers is not null, "headers"), (!r.Snis.IsEmpty, "snis"), (!r.Sources.IsEmpty, "sources"), (!r.Destinations.IsEmpty, "destinations") })
        {
            if (set)
            {
                errors.Add(DomainError.Invalid("cannot be combined with 'expression'", field));
            }
        }

        if (r.RegexPriority != 0)
        {
            errors.Add(DomainError.Invalid("'regex_priority' cannot be set together with 'expression'", "regex_priority"));
        }

        Formats.Range(r.Priority, 0, (1L << 46) - 1, "priority", errors);
    }

    private static void Endpoints(ImmutableArray<RouteEndpoint> endpoints, string field, List<DomainError> errors)
    {
        for (var i = 0; i < endpoints.Length; i++)
        {
            var e = endpoints[i];
            if (e.Ip is null && e.Port is null)
            {
                errors.Add(DomainError.Invalid("at least one of these fields must be non-empty: 'ip', 'port'", field, Formats.Index(i)));
            }

            if (e.Ip is { } ip && !IsIpOrCidr(ip))
            {
                errors.Add(DomainError.Invalid("invalid ip or cidr range: '" + ip + "'", field, Formats.Index(i), "ip"));
            }

            if (e.Port is { } port)
            {
                Formats.Range(port, 0, 65535, "port", errors);
            }
        }
    }

    public static bool IsIpOrCidr(string value)
    {
        var slash = value.IndexOf('/');
        var ip = slash < 0 ? value : value[..slash];
        if (!System.Net.IPAddress.TryParse(ip, out var address) || (!ip.Contains(':') && ip.Count(c => c == '.') != 3))
        {
            return false;
        }

        var max = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
        return slash < 0 || (int.TryParse(value[(slash + 1)..], out var bits) && bits >= 0 && bits <= max);
    }

    /// <summary>Route hosts: optional <c>:port</c>; at most one <c>*</c>, only as the whole leftmost or rightmost label.</summary>
    public static string? HostError(string value) => WildcardHostError(value, allowPort: true);

    private static string? WildcardHostError(string value, bool allowPort)
    {
        var (host, port) = allowPort ? Formats.SplitPort(value) : (value, null);
        if (port is { } p && (p < 0 || p > 65535))
        {
            return "invalid port number";
        }

        if (!allowPort && value.Contains(':') && !Formats.IsIp(value))
        {
            return "must not have a port";
        }

        var stars = host.Count(c => c == '*');
        if (stars == 0)
        {
            return Formats.HostError(host);
        }

        if (stars > 1)
        {
            return "only one wildcard must be specified";
        }

        if (!host.StartsWith("*.", StringComparison.Ordinal) && !host.EndsWith(".*", StringComparison.Ordinal))
        {
            return "wildcard must be leftmost or rightmost character";
        }

        var rest = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host[..^2];
        return Formats.IsHostname(rest) ? null : "invalid wildcard hostname";
    }
}
