using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KonnectES.Projections.DataPlaneNodes;
using KonnectES.Server.Tests.Portal;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.Server.Tests.Cluster;

public sealed class ReportingTargetHealth(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const string UpstreamHealth =
        "query($cp: ID, $name: String) { controlPlane(id: $cp) { upstream(name: $name) { name health { target health dataPlaneId } } } }";

    private ClusterHost _host = null!;

    public async Task InitializeAsync() => _host = await ClusterHost.StartAsync(database, new Dictionary<string, string?>
    {
        ["Cluster:NodeTimeout"] = "00:00:02",
        ["Cluster:StatusSweepInterval"] = "00:00:00.200",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Upstream_health_shows_each_target_as_each_data_plane_reported_it()
    {
        var cp = await _host.CreateControlPlaneAsync("health-per-node");
        var upstream = await CreateUpstreamAsync(cp, "orders", "10.0.0.1:8080", "10.0.0.2:8080");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        await HeartbeatAsync(client, a, "dp-a", [(upstream, "orders", "10.0.0.1:8080", "HEALTHY"), (upstream, "orders", "10.0.0.2:8080", "UNHEALTHY")]);
        await HeartbeatAsync(client, b, "dp-b", [(upstream, "orders", "10.0.0.1:8080", "HEALTHY"), (upstream, "orders", "10.0.0.2:8080", "HEALTHY")]);
        var health = await HealthAsync(cp, "orders");

        Assert.Equal(
            [
                ("10.0.0.1:8080", "HEALTHY", a.ToString()), ("10.0.0.1:8080", "HEALTHY", b.ToString()),
                ("10.0.0.2:8080", "UNHEALTHY", a.ToString()), ("10.0.0.2:8080", "HEALTHY", b.ToString()),
            ],
            health.OrderBy(h => h.Target, StringComparer.Ordinal).ThenBy(h => h.Node == a.ToString() ? 0 : 1));
    }

    [Fact]
    public async Task Upstream_health_holds_only_that_upstreams_targets_and_nothing_before_a_node_reports()
    {
        var cp = await _host.CreateControlPlaneAsync("health-two-upstreams");
        var orders = await CreateUpstreamAsync(cp, "orders", "10.0.0.1:8080");
        var billing = await CreateUpstreamAsync(cp, "billing", "billing.internal:9000");
        var before = await HealthAsync(cp, "orders");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));
        var node = Guid.NewGuid();

        await HeartbeatAsync(client, node, "dp-1", [(orders, "orders", "10.0.0.1:8080", "HEALTHCHECKS_OFF"), (billing, "billing", "billing.internal:9000", "DNS_ERROR")]);

        Assert.Empty(before);
        Assert.Equal([("10.0.0.1:8080", "HEALTHCHECKS_OFF", node.ToString())], await HealthAsync(cp, "orders"));
        Assert.Equal([("billing.internal:9000", "DNS_ERROR", node.ToString())], await HealthAsync(cp, "billing"));
    }

    [Fact]
    public async Task A_node_not_seen_for_the_node_timeout_is_left_out_of_upstream_health()
    {
        var cp = await _host.CreateControlPlaneAsync("health-stale");
        var upstream = await CreateUpstreamAsync(cp, "orders", "10.0.0.1:8080");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));
        var (stale, live) = (Guid.NewGuid(), Guid.NewGuid());
        await HeartbeatAsync(client, stale, "dp-stale", [(upstream, "orders", "10.0.0.1:8080", "UNHEALTHY")]);

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await HeartbeatAsync(client, live, "dp-live", [(upstream, "orders", "10.0.0.1:8080", "HEALTHY")]);

        Assert.Equal([("10.0.0.1:8080", "HEALTHY", live.ToString())], await HealthAsync(cp, "orders"));
    }

    [Fact]
    public async Task Only_a_changed_health_set_appends_an_event_and_a_heartbeat_without_one_keeps_the_last()
    {
        var cp = await _host.CreateControlPlaneAsync("health-events");
        var upstream = await CreateUpstreamAsync(cp, "orders", "10.0.0.1:8080");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));
        var node = Guid.NewGuid();
        var nodes = _host.Services.GetRequiredService<DataPlaneNodeReader>();
        var controlPlane = Guid.Parse(cp);

        await HeartbeatAsync(client, node, "dp-1", [(upstream, "orders", "10.0.0.1:8080", "HEALTHY")]);
        var first = (await nodes.GetAsync(controlPlane, node))!;
        await HeartbeatAsync(client, node, "dp-1", [(upstream, "orders", "10.0.0.1:8080", "HEALTHY")]);
        await HeartbeatAsync(client, node, "dp-1", null);
        var repeated = (await nodes.GetAsync(controlPlane, node))!;
        var kept = await HealthAsync(cp, "orders");
        await HeartbeatAsync(client, node, "dp-1", [(upstream, "orders", "10.0.0.1:8080", "UNHEALTHY")]);
        var changed = (await nodes.GetAsync(controlPlane, node))!;

        Assert.Equal(2, first.StreamVersion); // reported, then its health
        Assert.NotNull(first.HealthChangedAt);
        Assert.Equal(2, repeated.StreamVersion);
        Assert.True(repeated.LastSeen > first.LastSeen);
        Assert.Equal([("10.0.0.1:8080", "HEALTHY", node.ToString())], kept);
        Assert.Equal(3, changed.StreamVersion);
        Assert.True(changed.HealthChangedAt > first.HealthChangedAt);
        Assert.Equal([("10.0.0.1:8080", "UNHEALTHY", node.ToString())], await HealthAsync(cp, "orders"));
    }

    [Fact]
    public async Task An_empty_set_clears_what_the_node_reported_before()
    {
        var cp = await _host.CreateControlPlaneAsync("health-cleared");
        var upstream = await CreateUpstreamAsync(cp, "orders", "10.0.0.1:8080");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));
        var node = Guid.NewGuid();
        await HeartbeatAsync(client, node, "dp-1", [(upstream, "orders", "10.0.0.1:8080", "HEALTHY")]);

        await HeartbeatAsync(client, node, "dp-1", []);

        Assert.Empty(await HealthAsync(cp, "orders"));
        Assert.Equal(3, (await _host.Services.GetRequiredService<DataPlaneNodeReader>().GetAsync(Guid.Parse(cp), node))!.StreamVersion);
    }

    [Fact]
    public async Task DataPlaneStatusChanged_sends_the_node_again_when_its_target_health_changes()
    {
        var cp = await _host.CreateControlPlaneAsync("health-watched");
        var upstream = await CreateUpstreamAsync(cp, "orders", "10.0.0.1:8080");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));
        var node = Guid.NewGuid();
        await HeartbeatAsync(client, node, "dp-1", null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var socket = await _host.SubscribeAsync(
            $"subscription {{ dataPlaneStatusChanged(controlPlaneId: \"{cp}\") {{ id syncStatus healthChangedAt }} }}", timeout.Token);
        await Task.Delay(300, timeout.Token);

        // The node is known already and only its health changes
        await HeartbeatAsync(client, node, "dp-1", [(upstream, "orders", "10.0.0.1:8080", "UNHEALTHY")]);
        var changed = await NextAsync(socket, timeout.Token);

        Assert.Equal(node.ToString(), changed.GetProperty("id").GetString());
        Assert.Equal("OUT_OF_SYNC", changed.GetProperty("syncStatus").GetString());
        Assert.Equal(JsonValueKind.String, changed.GetProperty("healthChangedAt").ValueKind);
    }

    [Fact]
    public async Task Listing_upstreams_with_their_health_sends_as_many_database_commands_for_20_upstreams_as_for_2()
    {
        // Given two control planes with 2 and 20 upstreams, each target reported by one data plane
        var two = await ControlPlaneWithReportedUpstreamsAsync("health-batch-2", 2);
        var twenty = await ControlPlaneWithReportedUpstreamsAsync("health-batch-20", 20);
        const string Query = "query($cp: ID) { controlPlane(id: $cp) { upstreams(first: 50) { edges { node { name health { target health } } } } } }";
        using var commands = new DatabaseCommands();

        // When each list is read with every upstream's health, in a trace of its own
        var (twoTrace, twoParent) = DatabaseCommands.NewTrace();
        var twoData = await _host.Admin.InTrace(twoParent).DataAsync(Query, new { cp = two });
        var (twentyTrace, twentyParent) = DatabaseCommands.NewTrace();
        var twentyData = await _host.Admin.InTrace(twentyParent).DataAsync(Query, new { cp = twenty });

        // Then every upstream comes with its own target's health
        foreach (var (data, count) in new[] { (twoData, 2), (twentyData, 20) })
        {
            var edges = data.At("controlPlane.upstreams.edges");
            Assert.Equal(count, edges.GetArrayLength());
            Assert.All(edges.EnumerateArray(), e => Assert.Equal(
                e.Str("node.name")!.Replace("pool-", "10.0.1.", StringComparison.Ordinal) + ":80", e.At("node.health")[0].Str("target")));
        }

        // And the health was loaded in one batch: the same number of commands for both
        Assert.True(commands.In(twoTrace) > 0, "no database command was observed in the request's trace");
        Assert.Equal(commands.In(twoTrace), commands.In(twentyTrace));
    }

    [Theory]
    [InlineData("\"target_health\":{}")]
    [InlineData("\"target_health\":[{\"upstream_id\":\"nope\",\"target\":\"a:1\",\"health\":\"HEALTHY\"}]")]
    [InlineData("\"target_health\":[{\"upstream_id\":\"7f0c5b8e-4f4e-4a59-9f59-3f1c2b1f0a11\",\"health\":\"HEALTHY\"}]")]
    [InlineData("\"target_health\":[{\"upstream_id\":\"7f0c5b8e-4f4e-4a59-9f59-3f1c2b1f0a11\",\"target\":\"a:1\",\"health\":\"FINE\"}]")]
    [InlineData("\"target_health\":[{\"upstream_id\":\"7f0c5b8e-4f4e-4a59-9f59-3f1c2b1f0a11\",\"target\":\"a:1\",\"health\":\"HEALTHY\"},{\"upstream_id\":\"7f0c5b8e-4f4e-4a59-9f59-3f1c2b1f0a11\",\"target\":\"a:1\",\"health\":\"UNHEALTHY\"}]")]
    public async Task A_malformed_target_health_answers_400_with_a_message(string field)
    {
        var cp = await _host.CreateControlPlaneAsync("bad-health-" + Guid.NewGuid().ToString("N")[..8]);
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));
        var body = $"{{\"node_id\":\"{Guid.NewGuid()}\",{field}}}";

        using var response = await client.PostAsync(new Uri("/v1/status", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("target_health", (await ClusterHost.JsonAsync(response)).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private async Task<string> ControlPlaneWithReportedUpstreamsAsync(string name, int count)
    {
        var cp = await _host.CreateControlPlaneAsync(name);
        var health = new List<(string, string, string, string)>();
        for (var i = 0; i < count; i++)
        {
            var target = $"10.0.1.{i}:80";
            health.Add((await CreateUpstreamAsync(cp, $"pool-{i}", target), $"pool-{i}", target, "HEALTHY"));
        }

        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));
        await HeartbeatAsync(client, Guid.NewGuid(), "dp-1", health);
        return cp;
    }

    private async Task<string> CreateUpstreamAsync(string cp, string name, params string[] targets)
    {
        var id = (await _host.Admin.OkAsync("createUpstream",
            "mutation($cp: ID!, $n: String!) { createUpstream(input: {controlPlaneId: $cp, name: $n}) { upstream { id } errors { code message } } }",
            new { cp, n = name })).Str("upstream.id")!;
        foreach (var target in targets)
        {
            await _host.Admin.OkAsync("createTarget",
                "mutation($cp: ID!, $u: ID!, $t: String!) { createTarget(input: {controlPlaneId: $cp, upstreamId: $u, target: $t}) { target { id } errors { code message } } }",
                new { cp, u = id, t = target });
        }

        return id;
    }

    private async Task<List<(string Target, string Health, string Node)>> HealthAsync(string cp, string upstream) =>
        [.. (await _host.Admin.DataAsync(UpstreamHealth, new { cp, name = upstream })).At("controlPlane.upstream.health").EnumerateArray()
            .Select(h => (h.Str("target")!, h.Str("health")!, h.Str("dataPlaneId")!))];

    private static async Task<JsonElement> NextAsync(System.Net.WebSockets.WebSocket socket, CancellationToken cancellationToken)
    {
        var message = await ClusterHost.ReceiveAsync(socket, cancellationToken);
        Assert.Equal("next", message.GetProperty("type").GetString());
        return message.GetProperty("payload").GetProperty("data").GetProperty("dataPlaneStatusChanged");
    }

    private static async Task HeartbeatAsync(
        HttpClient client, Guid node, string hostname, IReadOnlyList<(string UpstreamId, string Upstream, string Target, string Health)>? health)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/v1/status", UriKind.Relative), new
        {
            node_id = node,
            hostname,
            version = "0.1.0",
            config_version = 1,
            labels = new { },
            errors = Array.Empty<string>(),
            target_health = health?.Select(h => new { upstream_id = h.UpstreamId, upstream = h.Upstream, target = h.Target, health = h.Health }),
        });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
