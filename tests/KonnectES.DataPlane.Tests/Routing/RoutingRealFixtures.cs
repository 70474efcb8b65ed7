using KonnectES.DataPlane.Routing;

namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>
/// Tables compiled from real Kong files (shared/fixtures/kong), imported through the domain and projected with
/// SnapshotDocument exactly as a data plane receives them.
/// </summary>
public sealed class RoutingRealFixtures
{
    private static readonly Lazy<RouteTable> KongAir = new(() => KongSnapshots.CompileFixture("kongair-prd-kong.yaml"));
    private static readonly Lazy<RouteTable> Supabase = new(() => KongSnapshots.CompileFixture("supabase-kong.yml"));
    private static readonly Lazy<RouteTable> Httproute = new(() => KongSnapshots.CompileFixture("kic-httproute-traditional.yaml"));
    private static readonly Lazy<RouteTable> Burst = new(() => KongSnapshots.CompileFixture("kong-spec-burst.yml"));

    [Fact]
    public void Kongair_routes_a_flight_number_through_its_named_capture()
    {
        var match = KongAir.Value.Match(RequestLine.Parse("GET https://api.kong-air.com/flights/KA0284; sni=api.kong-air.com"));

        Assert.Equal("flights-service_get-flight-by-number", match?.Route.Name);
        Assert.Equal("KA0284", match!.UriCaptures!.Named["flightnumber"]);
        Assert.Equal(("/flights/KA0284", "flights.kongair:8080"), (match.UpstreamUri, match.UpstreamHostHeader));
    }

    [Fact]
    public void Kongair_details_and_list_routes_are_told_apart_by_their_anchors()
    {
        Assert.Equal("flights-service_get-flight-details", Winner(KongAir.Value, "GET https://api.kong-air.com/flights/KA0284/details"));
        Assert.Equal("flights-service_get-flights", Winner(KongAir.Value, "GET https://api.kong-air.com/flights"));
        Assert.Equal("bookings-service_post-booking", Winner(KongAir.Value, "POST https://api.kong-air.com/bookings"));
        Assert.Equal(ConformanceProbe.NoRoute, Winner(KongAir.Value, "DELETE https://api.kong-air.com/bookings"));
    }

    [Fact]
    public void Kongair_health_exists_on_four_services_and_the_highest_route_id_wins_the_tie()
    {
        // Equal priority: the ATC router orders by route UUID, highest first (a5023323… > 4da7a5e5… > 37cbdca9… > 1a619e4f…).
        Assert.Equal("flights-service_health_get", Winner(KongAir.Value, "GET https://api.kong-air.com/health"));
    }

    [Fact]
    public void Kongair_routes_are_https_only_so_plain_http_gets_426()
    {
        var match = KongAir.Value.Match(RequestLine.Parse("GET http://api.kong-air.com/flights"))!;
        var forwarded = ForwardedHeaders.For(new ForwardedRequest { ClientAddress = "203.0.113.9", Scheme = "http", Host = "api.kong-air.com", LocalPort = 8000, RequestUri = "/flights" });

        var response = KongRouterResponses.ForProtocol(match.Route, forwarded, "/flights", contentType: null, httpVersion: "1.1");

        Assert.Equal(426, response?.StatusCode);
    }

    [Theory]
    [InlineData("GET http://localhost:8000/auth/v1/verify?token=t", "auth-v1-open", "/verify?token=t", "auth:9999")]
    [InlineData("GET http://localhost:8000/auth/v1/user", "auth-v1-all", "/user", "auth:9999")]
    [InlineData("POST http://localhost:8000/graphql/v1", "graphql-v1-all", "/rpc/graphql", "rest:3000")]
    [InlineData("GET http://localhost:8000/realtime/v1/websocket", "realtime-v1-ws", "/socket/websocket", "realtime-dev.supabase-realtime:4000")]
    [InlineData("GET http://localhost:8000/realtime/v1/api/broadcast", "realtime-v1-rest", "/api/broadcast", "realtime-dev.supabase-realtime:4000")]
    public void Supabase_longer_prefixes_win_over_the_catch_all_of_their_service(string request, string route, string upstream, string host)
    {
        Assert.Equal((route, upstream, host), ConformanceProbe.Run(Supabase.Value, request));
    }

    [Theory]
    [InlineData("GET http://kong.test/echo", "httproute.default.httproute-testing.1.0", "/")]
    [InlineData("GET http://kong.test/echo/hi", "httproute.default.httproute-testing.1.0", "/hi")]
    [InlineData("GET http://kong.test/content/x/y", "httproute.default.httproute-testing.1.0", "/x/y")]
    [InlineData("GET http://kong.test/nginx", "httproute.default.httproute-testing.3.0", "/")]
    [InlineData("GET http://kong.test/echoes", ConformanceProbe.NoRoute, null)]
    public void Gateway_api_exact_or_directory_pairs_route_like_kic_expects(string request, string route, string? upstream)
    {
        var (winner, actual, host) = ConformanceProbe.Run(Httproute.Value, request);

        Assert.Equal((route, upstream), (winner, actual));
        Assert.Equal(upstream is null ? null : "kong.test", host);
    }

    [Fact]
    public void The_burst_fixture_compiles_every_route_and_routes_by_host_and_prefix()
    {
        var table = Burst.Value;

        Assert.Empty(table.Errors);
        Assert.Equal(286, table.RankedRouteIds.Distinct().Count());
        var match = table.Match(RequestLine.Parse("GET http://4test-any.example.test/something/4test/page"));
        Assert.Equal("4test-any.something-ingress-static.00", match?.Route.Name);
        Assert.Equal(("/page", "4test-any.example.test"), (match!.UpstreamUri, match.UpstreamHostHeader));
    }

    private static string Winner(RouteTable table, string request) => ConformanceProbe.Run(table, request).Route;
}
