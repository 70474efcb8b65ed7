using System.Text.Json.Nodes;
using KonnectES.DataPlane.Routing;

namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>
/// Compiling a snapshot: a route that cannot compile is left out and reported (so the data plane can reject the
/// snapshot), and the rest of the table still routes. Kong does the same: add_matcher fails, the route is skipped.
/// </summary>
public sealed class CompilingRouteTables
{
    [Fact]
    public void An_invalid_regex_is_reported_and_the_other_routes_still_route()
    {
        var snapshot = KongSnapshots.FromYaml(WorkedExample.Yaml);
        Route(snapshot, "R03")["paths"] = new JsonArray(@"~/users/(?<id>\d+$");

        var table = KongSnapshots.Compile(snapshot);

        var error = Assert.Single(table.Errors);
        Assert.Equal(("R03", "paths[0]"), (error.RouteName, error.Field));
        Assert.StartsWith("invalid regex", error.Message, StringComparison.Ordinal);
        Assert.Equal("R01", table.Match(RequestLine.Parse("GET http://gw.test/users/42"))?.Route.Name);
        Assert.Equal("R09", table.Match(RequestLine.Parse("GET http://gw.test/v2/status"))?.Route.Name);
    }

    [Theory]
    [InlineData(@"~/v(?=\d)")]
    [InlineData(@"~/v(?<!x)\d")]
    [InlineData(@"~/(a)\1")]
    public void Look_around_and_back_references_are_rejected_as_the_rust_regex_engine_rejects_them(string path)
    {
        var snapshot = KongSnapshots.FromYaml(WorkedExample.Yaml);
        Route(snapshot, "R09")["paths"] = new JsonArray(path);

        var table = KongSnapshots.Compile(snapshot);

        var error = Assert.Single(table.Errors);
        Assert.Equal(("R09", "paths[0]"), (error.RouteName, error.Field));
        Assert.Null(table.Match(RequestLine.Parse("GET http://gw.test/v2/status")));
    }

    [Fact]
    public void An_invalid_header_regex_is_reported_with_its_header_and_index()
    {
        var snapshot = KongSnapshots.FromYaml(WorkedExample.Yaml);
        Route(snapshot, "R06")["headers"] = new JsonObject { ["x-version"] = new JsonArray("v2", "~*(") };

        var table = KongSnapshots.Compile(snapshot);

        var error = Assert.Single(table.Errors);
        Assert.Equal(("R06", "headers.x-version[1]"), (error.RouteName, error.Field));
        Assert.Equal(NoRoute, Winner(table, "GET http://example.com/orders/7; X-Version: v2"));
    }

    [Fact]
    public void An_expression_route_is_reported_because_the_router_is_traditional_compatible()
    {
        var snapshot = KongSnapshots.FromYaml(WorkedExample.Yaml);
        Route(snapshot, "R14")["expression"] = "http.path ^= \"/foo\"";

        var error = Assert.Single(KongSnapshots.Compile(snapshot).Errors);

        Assert.Equal(("R14", "expression"), (error.RouteName, error.Field));
    }

    [Fact]
    public void Stream_routes_are_not_http_routes_and_are_skipped_without_error()
    {
        var snapshot = KongSnapshots.FromYaml(WorkedExample.Yaml);
        var route = Route(snapshot, "R14");
        route["protocols"] = new JsonArray("tcp");

        var table = KongSnapshots.Compile(snapshot);

        Assert.Empty(table.Errors);
        Assert.Equal(NoRoute, Winner(table, "GET http://gw.test/foo"));
        Assert.Equal("R01", Winner(table, "GET http://gw.test/users"));
    }

    [Fact]
    public void A_route_with_paths_of_two_lengths_is_ranked_as_two_sub_routes()
    {
        var table = KongSnapshots.CompileYaml(WorkedExample.Yaml);
        var r15 = (string)Route(KongSnapshots.FromYaml(WorkedExample.Yaml), "R15")["id"]!;

        Assert.Equal(2, table.RankedRouteIds.Count(id => id == r15));
        Assert.Equal(17, table.Count);
    }

    [Theory]
    [InlineData("GET http://gw.test/~user/x")]
    [InlineData("GET http://gw.test/%7euser/x")]
    public void Prefix_paths_and_requests_are_compared_in_normalised_form(string request)
    {
        // The control plane refuses non-normalised paths as Kong does; a snapshot carrying one still matches like its normal form.
        var snapshot = KongSnapshots.FromYaml("""
            _format_version: "3.0"
            services:
            - name: svc
              host: backend.internal
              routes:
              - name: tilde
                paths: ['/~user']
            """);
        var stored = KongSnapshots.Compile(snapshot);
        Route(snapshot, "tilde")["paths"] = new JsonArray("/%7Euser");
        var encoded = KongSnapshots.Compile(snapshot);

        Assert.Equal(("tilde", "/x", "backend.internal"), ConformanceProbe.Run(stored, request));
        Assert.Equal(("tilde", "/x", "backend.internal"), ConformanceProbe.Run(encoded, request));
    }

    [Fact]
    public void An_empty_snapshot_routes_nothing()
    {
        var table = KongSnapshots.CompileYaml("_format_version: \"3.0\"\n");

        Assert.Empty(table.Errors);
        Assert.Null(table.Match(RequestLine.Parse("GET http://gw.test/")));
        Assert.Null(RouteTable.Empty.Match(RequestLine.Parse("GET http://gw.test/")));
    }

    private const string NoRoute = ConformanceProbe.NoRoute;

    private static string Winner(RouteTable table, string request) => ConformanceProbe.Run(table, request).Route;

    private static JsonObject Route(JsonObject snapshot, string name) =>
        snapshot["routes"]!.AsArray().Select(r => r!.AsObject()).Single(r => (string?)r["name"] == name);
}
