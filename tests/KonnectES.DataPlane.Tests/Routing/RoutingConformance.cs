using System.Collections.Concurrent;
using KonnectES.DataPlane.Routing;

namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>
/// The routing conformance table: request → winning route, upstream request target and Host header, for Kong's
/// traditional_compatible router. Each group cites where Kong defines the behaviour.
/// Columns: config, request (see <see cref="RequestLine"/>), route (or 404), upstream target, upstream Host.
/// </summary>
public sealed class RoutingConformance
{
    private const string Worked = "worked";
    private const string Pitfall = "pitfall";
    private const string Paths = "paths";
    private const string Hosts = "hosts";
    private const string Cond = "conditions";
    private const string Prio = "priority";
    private const string NoRoute = ConformanceProbe.NoRoute;
    private const string Target = ConformanceProbe.Target;

    private static readonly ConcurrentDictionary<string, RouteTable> Tables = new();

    public static TheoryData<string, string, string, string?, string?> Cases => new()
    {
        // kong-gateway-model.md §3.7, worked examples 1-21 (kong/router/transform.lua get_priority, kong/router/utils.lua get_upstream_uri).
        { Worked, "GET http://gw.test/users/42", "R03", "/api/users/42", "users.internal:8080" },
        { Worked, "GET http://gw.test/users/42/profile", "R01", "/api/42/profile", "users.internal:8080" },
        { Worked, "POST http://gw.test/users/admin/reset", "R02", "/api/users/admin/reset", "users.internal:8080" },
        { Worked, "GET http://gw.test/users/admin/reset", "R01", "/api/admin/reset", "users.internal:8080" },
        { Worked, "GET http://gw.test/users/", "R01", "/api/", "users.internal:8080" },
        { Worked, "GET http://gw.test/users", "R01", "/api", "users.internal:8080" },
        { Worked, "GET http://api.example.com/orders/7", "R04", "/7", "api.example.com" },
        { Worked, "GET http://shop.example.com/orders/7", "R05", "/v0/7", "legacy.internal:9000" },
        { Worked, "GET http://example.com/orders/7", NoRoute, null, null },
        { Worked, "GET http://example.com/orders/7; X-Version: V2", "R06", "/v0/7", "legacy.internal:9000" },
        { Worked, "GET http://api.example.com/orders/7; X-Version: v2", "R04", "/7", "api.example.com" },
        { Worked, "GET http://www.example.com/orders/7", "R07", "/orders/7", "web.internal" },
        { Worked, "GET http://gw.test/legacy/page?x=1", "R08", "/v0/legacy/page?x=1", "legacy.internal:9000" },
        { Worked, "GET http://gw.test/v1/status", "R10", "/api", "users.internal:8080" },
        { Worked, "GET http://gw.test/v2/status", "R09", "/", "orders.internal" },
        { Worked, "GET https://gw.test/secure/x", "R11", "/api/x", "users.internal:8080" },
        { Worked, "POST http://gw.test/maintenance", "R12", null, null },
        { Worked, "GET http://gw.test/billing/invoices/9", "R13", "/billing/invoices/9", Target },
        { Worked, "GET http://gw.test/foobar", "R14", "/bar", "web.internal" },
        { Worked, "GET http://gw.test/a/b/c/d", "R15", "/d", "web.internal" },
        { Worked, "GET http://gw.test/a/b/x", "R16", "/x", "orders.internal" },
        { Worked, "POST http://gw.test/nowhere", NoRoute, null, null },

        // §3.7 pitfall: {methods: [GET], paths: ["/"]} outweighs every single-attribute route for GET.
        { Pitfall, "GET http://gw.test/users/42", "R99", null, null },
        { Pitfall, "POST http://gw.test/users/42", "R03", "/api/users/42", "users.internal:8080" },

        // Path normalisation before matching (kong/tools/uri.lua normalize, kong/router/utils.lua strip_uri_args),
        // and escaping of what goes upstream (kong/runloop/handler.lua: upstream_uri = escape(match_t.upstream_uri)).
        { Worked, "GET http://gw.test/users/%34%32", "R03", "/api/users/42", "users.internal:8080" },
        { Worked, "GET http://gw.test/%75sers/42", "R03", "/api/users/42", "users.internal:8080" },
        { Worked, "GET http://gw.test/users/./42", "R03", "/api/users/42", "users.internal:8080" },
        { Worked, "GET http://gw.test//users//42", "R03", "/api/users/42", "users.internal:8080" },
        { Worked, "GET http://gw.test/legacy/x/../y", "R08", "/v0/legacy/y", "legacy.internal:9000" },
        { Worked, "GET http://gw.test/users/a%2fb", "R01", "/api/a%2Fb", "users.internal:8080" },
        { Worked, "GET http://gw.test/users/a%20b", "R01", "/api/a%20b", "users.internal:8080" },
        { Worked, "GET http://gw.test/users?", "R01", "/api?", "users.internal:8080" },
        // A decoded %0A does not satisfy '$' (Rust's '$' is the end of the text).
        { Worked, "GET http://gw.test/users/42%0A", "R01", "/api/42%0A", "users.internal:8080" },
        { Worked, "GET http://gw.test/legacy?q=a%20b&r", "R08", "/v0/legacy?q=a%20b&r", "legacy.internal:9000" },

        // Kong route docs, "path_handling" table: service.path × route path × strip_path × path_handling, request = route path + "req".
        // traditional_compatible computes v1 routes with the v0 rules (kong/router/atc.lua uses get_upstream_uri_v0 only; reference §3.6).
        { Paths, "GET http://noslash.test/fv0req", "noslash-fv0", "/s/fv0req", "backend.internal" },
        { Paths, "GET http://noslash.test/fv1req", "noslash-fv1", "/s/fv1req", "backend.internal" },
        { Paths, "GET http://noslash.test/tv0req", "noslash-tv0", "/s/req", "backend.internal" },
        { Paths, "GET http://noslash.test/tv1req", "noslash-tv1", "/s/req", "backend.internal" },
        { Paths, "GET http://noslash.test/fv0/req", "noslash-fv0-dir", "/s/fv0/req", "backend.internal" },
        { Paths, "GET http://noslash.test/fv1/req", "noslash-fv1-dir", "/s/fv1/req", "backend.internal" },
        { Paths, "GET http://noslash.test/tv0/req", "noslash-tv0-dir", "/s/req", "backend.internal" },
        { Paths, "GET http://noslash.test/tv1/req", "noslash-tv1-dir", "/s/req", "backend.internal" },
        { Paths, "GET http://slash.test/fv0req", "slash-fv0", "/s/fv0req", "backend.internal" },
        { Paths, "GET http://slash.test/fv1req", "slash-fv1", "/s/fv1req", "backend.internal" },
        { Paths, "GET http://slash.test/tv0req", "slash-tv0", "/s/req", "backend.internal" },
        { Paths, "GET http://slash.test/tv1req", "slash-tv1", "/s/req", "backend.internal" },
        { Paths, "GET http://slash.test/fv0/req", "slash-fv0-dir", "/s/fv0/req", "backend.internal" },
        { Paths, "GET http://slash.test/fv1/req", "slash-fv1-dir", "/s/fv1/req", "backend.internal" },
        { Paths, "GET http://slash.test/tv0/req", "slash-tv0-dir", "/s/req", "backend.internal" },
        { Paths, "GET http://slash.test/tv1/req", "slash-tv1-dir", "/s/req", "backend.internal" },

        // Reference §3.6 table, the "postfix empty" rows: the trailing slash of the request decides.
        { Paths, "GET http://slash.test/tv0/", "slash-tv0-dir", "/s/", "backend.internal" },
        { Paths, "GET http://slash.test/tv0", "slash-tv0", "/s", "backend.internal" },
        { Paths, "GET http://noslash.test/tv0/", "noslash-tv0-dir", "/s/", "backend.internal" },
        { Paths, "GET http://noslash.test/tv0", "noslash-tv0", "/s", "backend.internal" },
        { Paths, "GET http://noslash.test/fv0", "noslash-fv0", "/s/fv0", "backend.internal" },
        // sanitize_uri_postfix: a postfix of ".." is dropped.
        { Paths, "GET http://noslash.test/tv0..", "noslash-tv0", "/s", "backend.internal" },

        // Reference §3.2 hosts: exact, "*.x" needs a subdomain, "x.*" a suffix, ":port" the local port; Host port stripped.
        { Hosts, "GET http://api.example.com/", "h-exact", "/", "backend.internal" },
        { Hosts, "GET http://API.Example.COM/", "h-exact", "/", "backend.internal" },
        { Hosts, "GET http://api.example.com:8000/", "h-exact", "/", "backend.internal" },
        { Hosts, "GET http://shop.example.com/", "h-suffix", "/", "backend.internal" },
        { Hosts, "GET http://a.b.example.com/", "h-suffix", "/", "backend.internal" },
        { Hosts, "GET http://example.com/", "h-prefix", "/", "backend.internal" },
        { Hosts, "GET http://example.org/x", "h-prefix", "/x", "backend.internal" },
        { Hosts, "GET http://ports.example.org:8443/", "h-port", "/", "backend.internal" },
        { Hosts, "GET http://ports.example.org/", NoRoute, null, null },
        { Hosts, "GET http://b.test/", "h-multi", "/", "backend.internal" },
        { Hosts, "GET http://-/", NoRoute, null, null },
        { Hosts, "GET http://other.test/", NoRoute, null, null },

        // Reference §3.2 methods, headers (names and values case-insensitive, any value, ~* regex on the lower-cased value)
        // and snis (kong/router/transform.lua: net.protocol != "https" || tls.sni == …, Kong #6425).
        { Cond, "GET http://gw.test/m", "m-get", "/", "backend.internal" },
        { Cond, "HEAD http://gw.test/m", "m-get", "/", "backend.internal" },
        { Cond, "POST http://gw.test/m", "m-any", "/", "backend.internal" },
        { Cond, "GET http://gw.test/h; X-Tenant: acme", "hd-exact", "/", "backend.internal" },
        { Cond, "GET http://gw.test/h; X-Tenant: GLOBEX", "hd-exact", "/", "backend.internal" },
        { Cond, "GET http://gw.test/h; X-Tenant: other", "h-any", "/", "backend.internal" },
        { Cond, "GET http://gw.test/h; x-tenant: other; x-tenant: acme", "hd-exact", "/", "backend.internal" },
        { Cond, "GET http://gw.test/h; X-Version: v12", "hd-regex", "/", "backend.internal" },
        { Cond, "GET http://gw.test/h; X-Version: V3", "hd-regex", "/", "backend.internal" },
        { Cond, "GET http://gw.test/h; X-Version: v3beta", "h-any", "/", "backend.internal" },
        { Cond, "GET http://gw.test/h; X-Tenant: acme; X-Region: eu", "hd-two", "/", "backend.internal" },
        { Cond, "GET https://secure.example.com/s; sni=secure.example.com", "sni-route", "/", "backend.internal" },
        { Cond, "GET https://secure.example.com/s; sni=SECURE.example.com.", "sni-route", "/", "backend.internal" },
        { Cond, "GET https://other.example.com/s; sni=other.example.com", "s-any", "/", "backend.internal" },
        { Cond, "GET http://secure.example.com/s", "sni-route", "/", "backend.internal" },

        // Reference §3.3 priority order, one key at a time.
        { Prio, "GET http://gw.test/p/items/1", "p-regex", "/", "backend.internal" },
        { Prio, "GET http://gw.test/p/items/x", NoRoute, null, null },
        { Prio, "GET http://a.prio.test/p/w/longer/x", "p-method", "/x", "backend.internal" },
        { Prio, "GET http://a.prio.test/p/w/x", "p-host-wild", "/x", "backend.internal" },
        { Prio, "GET http://gw.test/p/rp/xyz", "p-rp-high", "/", "backend.internal" },
        { Prio, "GET http://gw.test/p/rp/abc", "p-rp-low", "/", "backend.internal" },
        { Prio, "GET http://gw.test/p/q/abcd", "p-prefix-longer", "/", "backend.internal" },
        { Prio, "GET http://gw.test/p/q/abc", "p-prefix-rp", "/", "backend.internal" },
        { Prio, "GET http://gw.test/p/h/z; X-A: 1; X-B: 1", "p-two-headers", "/z", "backend.internal" },
        { Prio, "GET http://gw.test/p/h/z; X-A: 1", "p-header-regex", "/", "backend.internal" },
        { Prio, "GET http://gw.test/p/tie", "p-tie-9", "/", "backend.internal" },
        { Prio, "GET http://three.test/p/3/deeper", "p-three", "/deeper", "backend.internal" },
        { Prio, "POST http://three.test/p/3/deeper", "p-two", "/", "backend.internal" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_request_goes_where_kong_sends_it(string config, string request, string route, string? upstream, string? host)
    {
        var table = Tables.GetOrAdd(config, Load);

        var actual = ConformanceProbe.Run(table, request);

        Assert.Equal((route, upstream, host), actual);
    }

    [Fact]
    public void The_table_has_at_least_sixty_cases_and_every_config_compiles_cleanly()
    {
        Assert.True(Cases.Count >= 60);
        foreach (var config in new[] { Worked, Pitfall, Paths, Hosts, Cond, Prio })
        {
            Assert.Empty(Tables.GetOrAdd(config, Load).Errors);
        }
    }

    private static RouteTable Load(string config) => KongSnapshots.CompileYaml(config switch
    {
        Worked => WorkedExample.Yaml,
        Pitfall => WorkedExample.WithPitfallRoute,
        Paths => PathJoining.Yaml,
        Hosts => HostMatching.Yaml,
        Cond => Conditions.Yaml,
        Prio => PriorityConflicts.Yaml,
        _ => throw new ArgumentOutOfRangeException(nameof(config)),
    });
}
