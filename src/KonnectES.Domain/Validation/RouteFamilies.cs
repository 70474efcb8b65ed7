using System.Collections.Immutable;

namespace KonnectES.Domain;

/// <summary>
/// Route protocol families (kong/db/schema/entities/routes_subschemas.lua) and the fields each family needs or
/// forbids: {http,https}, {grpc,grpcs}, {tcp,tls,udp}, {tls_passthrough} and Kong Enterprise's {ws,wss}, which
/// matches like http (hosts, headers, paths; snis with wss) but never on methods, sources or destinations.
/// </summary>
internal static class RouteFamilies
{
    private static readonly string[][] Families = [["http", "https"], ["grpc", "grpcs"], ["tcp", "tls", "udp"], ["tls_passthrough"], ["ws", "wss"]];

    public static string? Of(ImmutableArray<string> protocols, List<DomainError> errors)
    {
        if (protocols.IsEmpty)
        {
            errors.Add(DomainError.Invalid("length must be at least 1", "protocols"));
            return null;
        }

        var family = Families.FirstOrDefault(f => protocols.All(f.Contains));
        if (family is null)
        {
            errors.Add(DomainError.Invalid(
                protocols.All(p => Families.Any(f => f.Contains(p)))
                    ? "mixing protocols of different families is not allowed ({http,https} | {grpc,grpcs} | {tcp,tls,udp} | {tls_passthrough} | {ws,wss})"
                    : "expected one of: grpc, grpcs, http, https, tcp, tls, tls_passthrough, udp, ws, wss",
                "protocols"));
            return null;
        }

        return family[0];
    }

    public static void Check(Route r, string family, List<DomainError> errors)
    {
        var p = r.Protocols;
        if (!r.Snis.IsEmpty && !p.Any(x => x is "https" or "grpcs" or "tls" or "tls_passthrough" or "wss"))
        {
            errors.Add(DomainError.Invalid("'snis' can only be set when 'protocols' is 'grpcs', 'https', 'tls', 'tls_passthrough' or 'wss'", "snis"));
        }

        var http = !r.Methods.IsEmpty || !r.Hosts.IsEmpty || !r.Paths.IsEmpty || r.Headers is not null;
        var stream = !r.Sources.IsEmpty || !r.Destinations.IsEmpty;
        switch (family)
        {
            case "http":
                if (!http && !(p.Contains("https") && !r.Snis.IsEmpty))
                {
                    errors.Add(DomainError.Invalid(p.Contains("https")
                        ? "must set one of 'methods', 'hosts', 'headers', 'paths', 'snis' when 'protocols' is 'https'"
                        : "must set one of 'methods', 'hosts', 'headers', 'paths' when 'protocols' is 'http'"));
                }

                Forbid(stream && !r.Sources.IsEmpty, "sources", "http", errors);
                Forbid(stream && !r.Destinations.IsEmpty, "destinations", "http", errors);
                break;
            case "grpc":
                if (r.Hosts.IsEmpty && r.Paths.IsEmpty && r.Headers is null && !(p.Contains("grpcs") && !r.Snis.IsEmpty))
                {
                    errors.Add(DomainError.Invalid("must set one of 'hosts', 'headers', 'paths' when 'protocols' is 'grpc' or 'grpcs'"));
                }

                Forbid(!r.Methods.IsEmpty, "methods", "grpc", errors);
                Forbid(stream && !r.Sources.IsEmpty, "sources", "grpc", errors);
                Forbid(stream && !r.Destinations.IsEmpty, "destinations", "grpc", errors);
                if (r.StripPath)
                {
                    errors.Add(DomainError.Invalid("cannot set 'strip_path' when 'protocols' is 'grpc' or 'grpcs'", "strip_path"));
                }

                break;
            case "ws":
                if (r.Hosts.IsEmpty && r.Paths.IsEmpty && r.Headers is null && !(p.Contains("wss") && !r.Snis.IsEmpty))
                {
                    errors.Add(DomainError.Invalid(p.Contains("wss")
                        ? "must set one of 'hosts', 'headers', 'paths', 'snis' when 'protocols' is 'wss'"
                        : "must set one of 'hosts', 'headers', 'paths' when 'protocols' is 'ws'"));
                }

                // A WebSocket handshake is always a GET, so Kong Enterprise does not match ws routes on methods.
                Forbid(!r.Methods.IsEmpty, "methods", "ws", errors);
                Forbid(!r.Sources.IsEmpty, "sources", "ws", errors);
                Forbid(!r.Destinations.IsEmpty, "destinations", "ws", errors);
                break;
            default:
                if (family == "tls_passthrough" && r.Snis.IsEmpty)
                {
                    errors.Add(DomainError.Invalid("must set 'snis' when 'protocols' is 'tls_passthrough'", "snis"));
                }
                else if (!stream && r.Snis.IsEmpty)
                {
                    errors.Add(DomainError.Invalid("must set one of 'sources', 'destinations', 'snis' when 'protocols' is 'tcp', 'tls' or 'udp'"));
                }

                Forbid(!r.Methods.IsEmpty, "methods", family, errors);
                Forbid(!r.Hosts.IsEmpty, "hosts", family, errors);
                Forbid(!r.Paths.IsEmpty, "paths", family, errors);
                Forbid(r.Headers is not null, "headers", family, errors);
                break;
        }
    }

    private static void Forbid(bool isSet, string field, string family, List<DomainError> errors)
    {
        if (isSet)
        {
            errors.Add(DomainError.Invalid($"cannot set '{field}' when 'protocols' is '{family}' family", field));
        }
    }
}
