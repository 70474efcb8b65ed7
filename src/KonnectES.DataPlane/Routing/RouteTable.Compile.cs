using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using static KonnectES.DataPlane.Routing.SnapshotJson;

namespace KonnectES.DataPlane.Routing;

internal sealed partial class RouteTable
{
    private static readonly string[] StreamProtocols = ["tcp", "tls", "udp", "tls_passthrough"];

    /// <summary>
    /// Compiles the routes of a snapshot (Kong declarative 3.0, flat sections, as <c>SnapshotDocument</c> writes it).
    /// A route that cannot be compiled (e.g. an invalid regex) is left out and reported in <see cref="Errors"/>;
    /// stream routes (tcp, tls, udp, tls_passthrough) are not HTTP routes and are skipped.
    /// </summary>
    public static RouteTable Compile(JsonElement snapshot) => Compile(SnapshotSections.Of(snapshot), null);

    /// <summary>Compiles a snapshot document.</summary>
    public static RouteTable Compile(JsonDocument snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Compile(snapshot.RootElement);
    }

    /// <summary>
    /// Compiles the routes of <paramref name="snapshot"/>, taking over from <paramref name="previous"/> every route whose
    /// JSON and service are unchanged (the result equals a compile from scratch). Only the ranking and the indexes are
    /// always rebuilt.
    /// </summary>
    /// <param name="snapshot">The snapshot's sections.</param>
    /// <param name="previous">The table in force, or null to compile every route.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RouteTable Compile(SnapshotSections snapshot, RouteTable? previous)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var before = previous?.Reuse ?? RouteReuse.None;
        var reuse = new RouteReuse();
        var upstreams = new Dictionary<string, UpstreamRef>(StringComparer.Ordinal);
        foreach (var upstream in snapshot["upstreams"])
        {
            if (String(upstream, "name") is { } name)
            {
                upstreams[name] = new UpstreamRef(String(upstream, "id") ?? "", name, String(upstream, "host_header"));
            }
        }

        var services = new Dictionary<string, ServiceInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var service in snapshot["services"])
        {
            var json = JsonMarshal.GetRawUtf8Value(service);
            if (String(service, "id") is not { } id)
            {
                continue;
            }

            var upstream = upstreams.GetValueOrDefault(String(service, "host") ?? "");
            ServiceInfo info;
            byte[] source;
            if (before.Services.TryGetValue(id, out var known) && json.SequenceEqual(known.Json) && known.Info.Upstream == upstream)
            {
                (info, source) = (known.Info, known.Json);
            }
            else
            {
                (info, source) = (ReadService(id, service, upstream), json.ToArray());
            }

            services[id] = info;
            reuse.Services[id] = new RouteReuse.ServiceEntry(source, info);
        }

        var compiled = new List<CompiledRoute>();
        var errors = ImmutableArray.CreateBuilder<RouteCompileError>();
        var reused = 0;
        foreach (var route in snapshot["routes"])
        {
            var fields = RouteFields.Read(route);
            var serviceId = Reference(fields.Service);
            var service = serviceId is not null && services.TryGetValue(serviceId, out var s) ? s : null;
            var id = String(fields.Id);
            var json = JsonMarshal.GetRawUtf8Value(route);
            if (id is not null && before.Routes.TryGetValue(id, out var known)
                && ReferenceEquals(known.Service, service) && json.SequenceEqual(known.Json))
            {
                compiled.AddRange(known.SubRoutes);
                reuse.Routes[id] = known;
                reused++;
                continue;
            }

            var protocols = Strings(fields.Protocols);
            if (IsStream(protocols))
            {
                continue;
            }

            var subRoutes = CompileRoute(fields, protocols, service, errors);
            compiled.AddRange(subRoutes);
            if (id is not null && !subRoutes.IsEmpty)
            {
                reuse.Routes[id] = new RouteReuse.RouteEntry(json.ToArray(), service, subRoutes);
            }
        }

        return Build(compiled, errors.ToImmutable(), reuse, reused);
    }

    /// <summary>How many routes the compile took over unchanged from the previous table.</summary>
    public int ReusedRoutes { get; private init; }

    /// <summary>What the next compile may take over; set once, by the compile that built this table.</summary>
    private RouteReuse? Reuse { get; init; }

    private static bool IsStream(ImmutableArray<string> protocols)
    {
        foreach (var protocol in protocols)
        {
            if (StreamProtocols.Contains(protocol))
            {
                return true;
            }
        }

        return false;
    }

    private static ServiceInfo ReadService(string id, JsonElement service, UpstreamRef? upstream)
    {
        var host = String(service, "host") ?? "";
        return new ServiceInfo
        {
            Id = id,
            Name = String(service, "name"),
            Protocol = String(service, "protocol") ?? "http",
            Host = host,
            Port = (int)Integer(service, "port", 80),
            Path = String(service, "path"),
            ConnectTimeout = (int)Integer(service, "connect_timeout", 60000),
            ReadTimeout = (int)Integer(service, "read_timeout", 60000),
            WriteTimeout = (int)Integer(service, "write_timeout", 60000),
            Retries = (int)Integer(service, "retries", 5),
            Tags = Strings(service, "tags"),
            Upstream = upstream,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ImmutableArray<CompiledRoute> CompileRoute(
        in RouteFields route, ImmutableArray<string> protocols, ServiceInfo? service, ImmutableArray<RouteCompileError>.Builder errors)
    {
        var info = new RouteInfo
        {
            Id = String(route.Id) ?? "",
            Name = String(route.Name),
            Protocols = protocols.IsEmpty ? ["http", "https"] : protocols,
            StripPath = Boolean(route.StripPath, true),
            PreserveHost = Boolean(route.PreserveHost, false),
            PathHandling = String(route.PathHandling) ?? "v0",
            RequestBuffering = Boolean(route.RequestBuffering, true),
            ResponseBuffering = Boolean(route.ResponseBuffering, true),
            HttpsRedirectStatusCode = (int)Integer(route.HttpsRedirectStatusCode, 426),
            Tags = Strings(route.Tags),
        };

        var failed = false;
        void Fail(string field, string message)
        {
            errors.Add(new RouteCompileError(info.Id, info.Name, field, message));
            failed = true;
        }

        if (String(route.Expression) is not null)
        {
            Fail("expression", "expression routes need router_flavor = expressions; this router is traditional_compatible");
            return [];
        }

        var methods = Strings(route.Methods);
        methods = methods.All(m => m == m.ToUpperInvariant()) ? methods : [.. methods.Select(m => m.ToUpperInvariant())];
        var hosts = route.Hosts.ValueKind == JsonValueKind.Array ? [.. Strings(route.Hosts).Select(HostPattern.Parse)] : ImmutableArray<HostPattern>.Empty;
        var snis = route.Snis.ValueKind == JsonValueKind.Array ? [.. Strings(route.Snis).Select(HostPattern.Parse)] : ImmutableArray<HostPattern>.Empty;
        var paths = Strings(route.Paths);
        var headers = CompileHeaders(route.Headers, Fail);
        var regexPaths = new List<KongRegex>();
        var prefixPaths = new List<string>();
        for (var i = 0; i < paths.Length; i++)
        {
            var path = paths[i];
            if (path.StartsWith('~'))
            {
                if (KongRegex.TryCreate(path[1..], anchored: true, out var error) is { } regex)
                {
                    regexPaths.Add(regex);
                }
                else
                {
                    Fail($"paths[{i}]", error!);
                }
            }
            else if (path.StartsWith('/'))
            {
                // Requests are matched after normalisation, so a prefix is compared in the same form (e.g. %7E as ~).
                prefixPaths.Add(KongUri.Normalize(path));
            }
            else
            {
                Fail($"paths[{i}]", "should start with: / (fixed path) or ~/ (regex path)");
            }
        }

        if (methods.IsEmpty && hosts.IsEmpty && paths.IsEmpty && headers.IsEmpty && snis.IsEmpty)
        {
            Fail("route", "must set one of 'methods', 'hosts', 'headers', 'paths', 'snis'");
        }

        if (failed)
        {
            return [];
        }

        var weight = (methods.IsEmpty ? 0 : 1) + (hosts.IsEmpty ? 0 : 1) + (headers.IsEmpty ? 0 : 1)
            + (snis.IsEmpty ? 0 : 1) + (paths.IsEmpty ? 0 : 1);
        var plainHosts = !hosts.IsEmpty && hosts.All(h => h.Kind == HostPatternKind.Exact);
        var regexPriority = Integer(route.RegexPriority, 0);

        CompiledRoute Sub(ImmutableArray<string> prefixes, ImmutableArray<KongRegex> regexes) => new()
        {
            Route = info,
            Service = service,
            Methods = methods,
            Hosts = hosts,
            Snis = snis,
            Headers = headers,
            Prefixes = prefixes,
            Regexes = regexes,
            Priority = new RoutePriority(
                weight, plainHosts, headers.Length, !regexes.IsEmpty, regexes.IsEmpty ? 0 : regexPriority,
                prefixes.IsEmpty ? 0 : prefixes[0].Length, info.Id.ToLowerInvariant()),
        };

        // Kong splits a route whose paths differ in kind or length: one sub-route per prefix length, one for all regexes.
        var subRoutes = ImmutableArray.CreateBuilder<CompiledRoute>();
        if (regexPaths.Count > 0)
        {
            subRoutes.Add(Sub([], [.. regexPaths]));
        }

        if (prefixPaths.Count == 1)
        {
            subRoutes.Add(Sub([prefixPaths[0]], []));
        }
        else
        {
            foreach (var group in prefixPaths.GroupBy(p => p.Length))
            {
                subRoutes.Add(Sub([.. group], []));
            }
        }

        if (subRoutes.Count == 0)
        {
            subRoutes.Add(Sub([], []));
        }

        return subRoutes.DrainToImmutable();
    }

    private static ImmutableArray<HeaderCondition> CompileHeaders(JsonElement headers, Action<string, string> fail)
    {
        var conditions = ImmutableArray.CreateBuilder<HeaderCondition>();
        foreach (var (name, values) in HeaderMap(headers))
        {
            var exact = ImmutableArray.CreateBuilder<string>();
            var patterns = ImmutableArray.CreateBuilder<KongRegex>();
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i].ToLowerInvariant();
                if (!value.StartsWith("~*", StringComparison.Ordinal))
                {
                    exact.Add(value);
                }
                else if (KongRegex.TryCreate(value[2..], anchored: false, out var error) is { } regex)
                {
                    patterns.Add(regex);
                }
                else
                {
                    fail($"headers.{name}[{i}]", error!);
                }
            }

            conditions.Add(new HeaderCondition(name, exact.ToImmutable(), patterns.ToImmutable()));
        }

        return conditions.ToImmutable();
    }

    private static RouteTable Build(List<CompiledRoute> compiled, ImmutableArray<RouteCompileError> errors, RouteReuse? reuse = null, int reused = 0)
    {
        compiled.Sort((a, b) => a.Priority.CompareTo(b.Priority));
        var exactHosts = new Dictionary<string, RouteBucket.Builder>(StringComparer.Ordinal);
        var hostSuffixes = new Dictionary<string, RouteBucket.Builder>(StringComparer.Ordinal);
        var hostPrefixes = new Dictionary<string, RouteBucket.Builder>(StringComparer.Ordinal);
        var hostless = new RouteBucket.Builder();
        for (var rank = 0; rank < compiled.Count; rank++)
        {
            var route = compiled[rank];
            if (route.Hosts.IsEmpty)
            {
                hostless.Add(route, rank);
                continue;
            }

            foreach (var host in route.Hosts)
            {
                var index = host.Kind switch
                {
                    HostPatternKind.Exact => exactHosts,
                    HostPatternKind.Suffix => hostSuffixes,
                    _ => hostPrefixes,
                };
                if (!index.TryGetValue(host.Value, out var bucket))
                {
                    index[host.Value] = bucket = new RouteBucket.Builder();
                }

                bucket.Add(route, rank);
            }
        }

        return new RouteTable(
            [.. compiled],
            new HostIndex(exactHosts),
            new HostIndex(hostSuffixes),
            new HostIndex(hostPrefixes),
            hostless.Build(),
            errors)
        {
            Reuse = reuse,
            ReusedRoutes = reused,
        };
    }
}
