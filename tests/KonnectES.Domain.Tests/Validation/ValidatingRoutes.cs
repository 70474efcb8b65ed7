using System.Collections.Immutable;

namespace KonnectES.Domain.Tests.Validation;

public sealed class ValidatingRoutes
{
    private static readonly Route Http = new() { Id = Given.Id("route"), Name = "r", Paths = ["/api"] };
    private readonly ControlPlaneConfig _state = Given.ControlPlaneWithOneService();

    private static ImmutableSortedDictionary<string, ImmutableArray<string>> Headers(string name, params string[] values) =>
        ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty.Add(name, [.. values]);

    public static TheoryData<string, Route> Valid => new()
    {
        { "paths only", Http },
        { "methods only", Http with { Paths = [], Methods = ["GET", "POST"] } },
        { "hosts only", Http with { Paths = [], Hosts = ["api.example.com", "*.example.com", "example.*", "a.com:8443"] } },
        { "headers only", Http with { Paths = [], Headers = Headers("x-version", "v1", "~*v\\d") } },
        { "https with snis only", Http with { Paths = [], Protocols = ["https"], Snis = ["api.example.com"] } },
        { "grpcs with snis only", Http with { Paths = [], Protocols = ["grpcs"], Snis = ["api.example.com"], StripPath = false } },
        { "regex path with named group", Http with { Paths = ["~/users/(?<id>\\d+)$"] } },
        { "encoded path", Http with { Paths = ["/a%20b"] } },
        { "grpc with strip_path off", Http with { Protocols = ["grpc", "grpcs"], StripPath = false } },
        { "tcp with destination", Http with { Paths = [], Protocols = ["tcp"], Destinations = [new RouteEndpoint { Ip = "10.0.0.0/8", Port = 9000 }] } },
        { "tls with snis", Http with { Paths = [], Protocols = ["tls"], Snis = ["db.example.com"] } },
        { "tls_passthrough with snis", Http with { Paths = [], Protocols = ["tls_passthrough"], Snis = ["*.example.com"] } },
        { "udp with source port", Http with { Paths = [], Protocols = ["udp"], Sources = [new RouteEndpoint { Port = 53 }] } },
        { "redirect 308", Http with { Protocols = ["https"], HttpsRedirectStatusCode = 308 } },
        { "path_handling v1", Http with { PathHandling = "v1" } },
        { "expression with priority", Http with { Paths = [], Expression = "http.path ^= \"/x\"", Priority = (1L << 46) - 1 } },
        { "no service", Http with { ServiceId = null } },
        { "negative regex_priority", Http with { Paths = ["~/v\\d+$"], RegexPriority = -3 } },
        { "ws with paths (Konnect)", Http with { Protocols = ["ws", "wss"] } },
        { "ws with hosts only", Http with { Paths = [], Protocols = ["ws"], Hosts = ["live.example.com"] } },
        { "ws with headers only", Http with { Paths = [], Protocols = ["ws"], Headers = Headers("x-feed", "v1") } },
        { "wss with snis only", Http with { Paths = [], Protocols = ["wss"], Snis = ["live.example.com"] } },
    };

    public static TheoryData<string, Route> Invalid => new()
    {
        { "name", Http with { Name = "a/b" } },
        { "protocols", Http with { Protocols = [] } },
        { "protocols", Http with { Protocols = ["http", "grpc"] } },
        { "protocols", Http with { Protocols = ["ftp"] } },
        { "methods[0]", Http with { Methods = ["get"] } },
        { "hosts[0]", Http with { Hosts = ["*.*.example.com"] } },
        { "hosts[0]", Http with { Hosts = ["a.*.com"] } },
        { "hosts[0]", Http with { Hosts = ["a.com:99999"] } },
        { "paths[0]", Http with { Paths = ["api"] } },
        { "paths[0]", Http with { Paths = ["/a//b"] } },
        { "paths[0]", Http with { Paths = ["~/(unclosed"] } },
        { "paths[0]", Http with { Paths = ["~/(?=lookahead)"] } },
        { "paths[0]", Http with { Paths = ["/%7euser"] } },
        { "paths[0]", Http with { Paths = ["/a/../b"] } },
        { "headers.Host", Http with { Headers = Headers("Host", "a.com") } },
        { "headers.x-v[1]", Http with { Headers = Headers("x-v", "ok", "~*(unclosed") } },
        { "snis", Http with { Snis = ["a.com"], Protocols = ["http"] } },
        { "", Http with { Paths = [] } },
        { "", Http with { Paths = [], Protocols = ["grpc"], StripPath = false } },
        { "methods", Http with { Protocols = ["grpc"], Methods = ["GET"], StripPath = false } },
        { "strip_path", Http with { Protocols = ["grpc"] } },
        { "", Http with { Paths = [], Protocols = ["tcp"] } },
        { "paths", Http with { Protocols = ["tcp"], Destinations = [new RouteEndpoint { Port = 1 }] } },
        { "snis", Http with { Paths = [], Protocols = ["tls_passthrough"] } },
        { "sources", Http with { Sources = [new RouteEndpoint { Ip = "10.0.0.1" }] } },
        { "destinations[0].ip", Http with { Paths = [], Protocols = ["tcp"], Destinations = [new RouteEndpoint { Ip = "10.0.0.0/33" }] } },
        { "sources[0]", Http with { Paths = [], Protocols = ["tcp"], Sources = [new RouteEndpoint()] } },
        { "hosts", Http with { Paths = [], Protocols = ["udp"], Hosts = ["a.com"], Sources = [new RouteEndpoint { Port = 53 }] } },
        { "methods", Http with { Paths = [], Protocols = ["tls"], Methods = ["GET"], Snis = ["a.com"] } },
        { "snis", Http with { Protocols = ["grpc"], StripPath = false, Snis = ["a.com"] } },
        { "https_redirect_status_code", Http with { HttpsRedirectStatusCode = 303 } },
        { "path_handling", Http with { PathHandling = "v2" } },
        { "paths", Http with { Expression = "http.path == \"/\"" } },
        { "regex_priority", Http with { Paths = [], Expression = "http.path == \"/\"", RegexPriority = 1 } },
        { "priority", Http with { Priority = 5 } },
        { "priority", Http with { Paths = [], Expression = "true", Priority = 1L << 46 } },
        { "service", Http with { ServiceId = Guid.NewGuid() } },
        { "", Http with { Paths = [], Protocols = ["ws"] } },
        { "", Http with { Paths = [], Protocols = ["ws", "wss"] } },
        { "protocols", Http with { Protocols = ["http", "ws"] } },
        { "methods", Http with { Protocols = ["ws", "wss"], Methods = ["GET"] } },
        { "sources", Http with { Protocols = ["ws"], Sources = [new RouteEndpoint { Port = 1 }] } },
        { "snis", Http with { Protocols = ["ws"], Snis = ["a.com"] } },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void A_route_following_kongs_rules_is_accepted(string because, Route route)
    {
        Assert.NotEmpty(because);
        Verdict.Accepted(_state, new CreateRoute(route with { ServiceId = because == "no service" ? null : Given.Service().Id }));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void A_route_breaking_a_rule_is_rejected_on_that_field(string field, Route route) =>
        Verdict.Rejected(_state, new CreateRoute(route), field, field == "service" ? DomainError.NotFound : DomainError.Validation);

    [Fact]
    public void A_route_name_already_used_is_a_conflict() =>
        Verdict.Rejected(_state, new CreateRoute(Http with { Name = "r1" }), "name", DomainError.Conflict);

    [Fact]
    public void Methods_protocols_and_snis_are_stored_as_sorted_sets()
    {
        var route = Http with { Methods = ["POST", "GET", "GET"], Protocols = ["https", "http"] };

        var stored = Assert.IsType<RouteCreated>(Assert.Single(Given.Events(_state, new CreateRoute(route)))).Route;

        Assert.Equal(["GET", "POST"], stored.Methods.ToArray());
        Assert.Equal(["http", "https"], stored.Protocols.ToArray());
    }
}
