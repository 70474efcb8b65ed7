using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectES.DataPlane.Plugins;
using KonnectES.DataPlane.Proxy;
using KonnectES.DataPlane.Tests.Plugins;
using KonnectES.DataPlane.Tests.Routing;
using KonnectES.DataPlane.Sync;
using Microsoft.Extensions.Logging.Abstractions;

namespace KonnectES.DataPlane.Tests.Proxy;

/// <summary>
/// Each snapshot is compiled from the sync client's entity lists against the configuration in force: unchanged routes
/// are taken over, and the holder tells how long each part of the compile took.
/// </summary>
public sealed class RecompilingConfigurations
{
    private const string Yaml = """
        _format_version: "3.0"
        services:
        - name: svc
          url: http://127.0.0.1:9/
          routes:
          - name: one
            paths: [/one]
          - name: two
            paths: [/two]
          - name: three
            paths: [/three]
        """;

    [Fact]
    public async Task A_snapshot_with_one_changed_route_takes_over_the_others_and_serves_the_change()
    {
        // Given a served configuration
        var holder = new ProxyConfigurationHolder(new PluginStores(), NullLogger<ProxyConfigurationHolder>.Instance);
        var snapshot = JsonNode.Parse(KongSnapshot.FromYaml(Yaml).GetRawText())!.AsObject();
        await holder.ApplyAsync(Applied(snapshot, 1), CancellationToken.None);
        var first = holder.LastCompile;

        // When the next version changes one route
        Route(snapshot, "two")["paths"] = new JsonArray("/deux");
        var result = await holder.ApplyAsync(Applied(snapshot, 2), CancellationToken.None);

        // Then that route is compiled again, the others are taken over, and the change is served
        Assert.True(result.IsSuccess);
        Assert.Equal((1L, true, 0), (first!.Version, first.Applied, first.ReusedRoutes));
        Assert.Equal((2L, true, 2), (holder.LastCompile!.Version, holder.LastCompile.Applied, holder.LastCompile.ReusedRoutes));
        Assert.True(holder.LastCompile.Total >= holder.LastCompile.Routes);
        Assert.Equal("two", holder.Current.Routes.Match(RequestLine.Parse("GET http://gw.test/deux"))?.Route.Name);
        Assert.Null(holder.Current.Routes.Match(RequestLine.Parse("GET http://gw.test/two")));
        Assert.Equal(1, holder.Current.ServiceCount);
    }

    [Fact]
    public async Task A_refused_snapshot_is_reported_as_not_applied_and_the_table_in_force_stays()
    {
        // Given a served configuration
        var holder = new ProxyConfigurationHolder(new PluginStores(), NullLogger<ProxyConfigurationHolder>.Instance);
        var snapshot = JsonNode.Parse(KongSnapshot.FromYaml(Yaml).GetRawText())!.AsObject();
        await holder.ApplyAsync(Applied(snapshot, 1), CancellationToken.None);
        var served = holder.Current;

        // When the next version breaks one route
        Route(snapshot, "two")["paths"] = new JsonArray(@"~/two/(?<id>\d+$");
        var result = await holder.ApplyAsync(Applied(snapshot, 2), CancellationToken.None);

        // Then it is refused, reported as such, and the configuration in force still serves
        Assert.False(result.IsSuccess);
        Assert.Equal((2L, false), (holder.LastCompile!.Version, holder.LastCompile.Applied));
        Assert.Same(served, holder.Current);
        Assert.Equal("two", holder.Current.Routes.Match(RequestLine.Parse("GET http://gw.test/two"))?.Route.Name);
    }

    private static AppliedSnapshot Applied(JsonObject snapshot, long version)
    {
        snapshot["_konnectes"]!["version"] = version;
        return SnapshotState.FromDocument(JsonSerializer.SerializeToElement(snapshot)).ToAppliedSnapshot();
    }

    private static JsonObject Route(JsonObject snapshot, string name) =>
        snapshot["routes"]!.AsArray().Select(r => r!.AsObject()).Single(r => (string?)r["name"] == name);
}
