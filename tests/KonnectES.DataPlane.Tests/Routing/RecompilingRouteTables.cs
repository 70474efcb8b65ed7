using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectES.DataPlane.Routing;

namespace KonnectES.DataPlane.Tests.Routing;

/// <summary>
/// Compiling a snapshot against the table in force: a route whose JSON and service did not change is taken over as it
/// was compiled, everything else is compiled again, and the table routes exactly as one compiled from scratch.
/// </summary>
public sealed class RecompilingRouteTables
{
    [Fact]
    public void An_unchanged_snapshot_takes_over_every_route()
    {
        var snapshot = KongSnapshots.FromYaml(WorkedExample.Yaml);
        var previous = Compile(snapshot, null);

        var table = Compile(snapshot, previous);

        Assert.Equal(Routes(snapshot).Count(), table.ReusedRoutes);
        Assert.Equal(previous.RankedRouteIds, table.RankedRouteIds);
        Assert.Same(Match(previous, "GET http://gw.test/users/42").Route, Match(table, "GET http://gw.test/users/42").Route);
    }

    [Fact]
    public void A_changed_route_is_compiled_again_and_the_others_are_taken_over()
    {
        var snapshot = KongSnapshots.FromYaml(WorkedExample.Yaml);
        var previous = Compile(snapshot, null);
        Route(snapshot, "R01")["paths"] = new JsonArray("/people");

        var table = Compile(snapshot, previous);

        Assert.Equal(Routes(snapshot).Count() - 1, table.ReusedRoutes);
        Assert.Equal("R01", Winner(table, "GET http://gw.test/people/7"));
        Assert.NotEqual("R01", Winner(table, "GET http://gw.test/users/42/profile"));
        Assert.NotSame(Match(previous, "GET http://gw.test/users").Route, Match(table, "GET http://gw.test/people").Route);
        Assert.Same(Match(previous, "GET http://gw.test/v2/status").Route, Match(table, "GET http://gw.test/v2/status").Route);
    }

    [Fact]
    public void A_removed_route_is_gone()
    {
        var snapshot = KongSnapshots.FromYaml(WorkedExample.Yaml);
        var previous = Compile(snapshot, null);
        var r01 = Route(snapshot, "R01");
        var id = (string)r01["id"]!;
        snapshot["routes"]!.AsArray().Remove(r01);

        var table = Compile(snapshot, previous);

        Assert.DoesNotContain(id, table.RankedRouteIds);
        Assert.Equal(ConformanceProbe.NoRoute, Winner(table, "GET http://gw.test/users/42/profile"));
        Assert.Equal(Routes(snapshot).Count(), table.ReusedRoutes);
    }

    [Fact]
    public void A_route_whose_service_changed_is_compiled_again_for_the_new_service()
    {
        var snapshot = KongSnapshots.FromYaml(WorkedExample.Yaml);
        var previous = Compile(snapshot, null);
        Service(snapshot, "S1")["port"] = 9090;

        var table = Compile(snapshot, previous);

        Assert.Equal(("R01", "/api/42/profile", "users.internal:9090"), ConformanceProbe.Run(table, "GET http://gw.test/users/42/profile"));
        var s1 = (string)Service(snapshot, "S1")["id"]!;
        var s1Routes = Routes(snapshot).Count(r => r["service"]?.ToJsonString().Contains(s1, StringComparison.Ordinal) == true);
        Assert.Equal(5, s1Routes);
        Assert.Equal(Routes(snapshot).Count() - s1Routes, table.ReusedRoutes);
    }

    [Fact]
    public void A_route_whose_upstream_changed_is_compiled_again_with_the_new_upstream()
    {
        var snapshot = KongSnapshots.FromYaml(WorkedExample.Yaml);
        var previous = Compile(snapshot, null);
        Upstream(snapshot, "billing.upstream")["host_header"] = "billing.example.com";

        var table = Compile(snapshot, previous);

        Assert.Null(Match(previous, "GET http://gw.test/billing/9").Service!.Upstream!.HostHeader);
        Assert.Equal("billing.example.com", Match(table, "GET http://gw.test/billing/9").Service!.Upstream!.HostHeader);
        Assert.Equal(Routes(snapshot).Count() - 1, table.ReusedRoutes);
    }

    [Fact]
    public void A_route_that_did_not_compile_is_reported_again()
    {
        var snapshot = KongSnapshots.FromYaml(WorkedExample.Yaml);
        Route(snapshot, "R03")["paths"] = new JsonArray(@"~/users/(?<id>\d+$");
        var previous = Compile(snapshot, null);

        var table = Compile(snapshot, previous);

        var error = Assert.Single(table.Errors);
        Assert.Equal(("R03", "paths[0]"), (error.RouteName, error.Field));
        Assert.Equal(previous.Errors.Select(e => e.ToString()), table.Errors.Select(e => e.ToString()));
    }

    public static TheoryData<string> Configurations => new()
    {
        "worked", "pitfall", "kongair-prd-kong.yaml", "supabase-kong.yml", "kic-httproute-traditional.yaml", "kong-spec-burst.yml",
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void A_recompiled_table_ranks_and_routes_as_a_table_compiled_from_scratch(string configuration)
    {
        var before = KongSnapshots.FromYaml(Yaml(configuration));
        var after = (JsonObject)before.DeepClone();
        var routes = Routes(after).ToArray();
        var services = after["services"]!.AsArray().Select(s => s!.AsObject()).ToArray();

        // Every third route changes its paths, every fifth disappears, one service moves, one route is new.
        for (var i = 0; i < routes.Length; i++)
        {
            if (i % 5 == 4)
            {
                after["routes"]!.AsArray().Remove(routes[i]);
            }
            else if (i % 3 == 0)
            {
                routes[i]["paths"] = new JsonArray($"/changed/{i}");
            }
        }

        if (services.Length > 0)
        {
            services[0]["host"] = "moved.internal";
        }

        after["routes"]!.AsArray().Add(new JsonObject { ["id"] = "0b6e1f7a-9c1d-4f63-b1a3-0f3e5a7c9d11", ["name"] = "added", ["paths"] = new JsonArray("/added") });

        var recompiled = Compile(after, Compile(before, null));
        var scratch = Compile(after, null);

        Assert.Equal(scratch.RankedRouteIds, recompiled.RankedRouteIds);
        Assert.Equal(scratch.Errors.Select(e => e.ToString()), recompiled.Errors.Select(e => e.ToString()));
        Assert.True(recompiled.ReusedRoutes > 0);
        foreach (var request in Requests(after))
        {
            Assert.Equal(ConformanceProbe.Run(scratch, request), ConformanceProbe.Run(recompiled, request));
        }
    }

    private static string Yaml(string configuration) => configuration switch
    {
        "worked" => WorkedExample.Yaml,
        "pitfall" => WorkedExample.WithPitfallRoute,
        _ => SharedFixtures.Read(configuration),
    };

    // A request to every path and host of every route (regex paths by their literal start), and the conformance requests.
    private static IEnumerable<string> Requests(JsonObject snapshot)
    {
        foreach (var route in Routes(snapshot))
        {
            var hosts = route["hosts"]?.AsArray().Select(h => ((string)h!).Replace("*", "x", StringComparison.Ordinal)).ToArray() ?? [];
            var paths = route["paths"]?.AsArray().Select(p => (string)p!).Select(p => p.StartsWith("~/", StringComparison.Ordinal) ? "/" + new string(p[2..].TakeWhile(char.IsLetterOrDigit).ToArray()) : p).ToArray() ?? [];
            foreach (var host in hosts.DefaultIfEmpty("gw.test"))
            {
                foreach (var path in paths.DefaultIfEmpty("/"))
                {
                    yield return $"GET http://{host.Split(':')[0]}{path}";
                    yield return $"POST http://{host.Split(':')[0]}{path}/x";
                }
            }
        }

        foreach (var row in RoutingConformance.Cases)
        {
            yield return (string)row[1];
        }
    }

    private static RouteTable Compile(JsonObject snapshot, RouteTable? previous) =>
        RouteTable.Compile(SnapshotSections.Of(JsonSerializer.SerializeToElement(snapshot)), previous);

    private static RouteMatch Match(RouteTable table, string request) => table.Match(RequestLine.Parse(request))!;

    private static string Winner(RouteTable table, string request) => ConformanceProbe.Run(table, request).Route;

    private static IEnumerable<JsonObject> Routes(JsonObject snapshot) => snapshot["routes"]!.AsArray().Select(r => r!.AsObject());

    private static JsonObject Route(JsonObject snapshot, string name) => Routes(snapshot).Single(r => (string?)r["name"] == name);

    private static JsonObject Service(JsonObject snapshot, string name) =>
        snapshot["services"]!.AsArray().Select(s => s!.AsObject()).Single(s => (string?)s["name"] == name);

    private static JsonObject Upstream(JsonObject snapshot, string name) =>
        snapshot["upstreams"]!.AsArray().Select(u => u!.AsObject()).Single(u => (string?)u["name"] == name);
}
