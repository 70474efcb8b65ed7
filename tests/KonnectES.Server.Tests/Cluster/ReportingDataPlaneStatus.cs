using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KonnectES.Projections.DataPlaneNodes;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.Server.Tests.Cluster;

public sealed class ReportingDataPlaneStatus(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private ClusterHost _host = null!;

    public async Task InitializeAsync() => _host = await ClusterHost.StartAsync(database, new Dictionary<string, string?>
    {
        ["Cluster:NodeTimeout"] = "00:00:02",
        ["Cluster:StatusSweepInterval"] = "00:00:00.200",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_node_that_applied_the_current_config_is_in_sync_and_out_of_sync_after_a_change()
    {
        var cp = await _host.CreateControlPlaneAsync("in-sync");
        await _host.CreateServiceAsync(cp, "a.internal");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));
        var node = Guid.NewGuid();
        var head = await ClusterHost.JsonAsync(await client.GetAsync(new Uri("/v1/outlet/poll?after_version=0", UriKind.Relative)));

        await HeartbeatAsync(client, node, head, new { region = "eu" });
        var inSync = Assert.Single(await DataPlanesAsync(cp));
        await _host.CreateServiceAsync(cp, "b.internal");
        var outOfSync = Assert.Single(await DataPlanesAsync(cp));

        Assert.Equal(node.ToString(), inSync.GetProperty("id").GetString());
        Assert.Equal("dp-1", inSync.GetProperty("hostname").GetString());
        Assert.Equal("0.1.0", inSync.GetProperty("version").GetString());
        Assert.Equal(head.GetProperty("version").GetInt64(), inSync.GetProperty("configVersion").GetInt64());
        Assert.Equal(head.GetProperty("config_hash").GetString(), inSync.GetProperty("configHash").GetString());
        Assert.Equal("eu", inSync.GetProperty("labels").GetProperty("region").GetString());
        Assert.Equal("IN_SYNC", inSync.GetProperty("syncStatus").GetString());
        Assert.Equal("OUT_OF_SYNC", outOfSync.GetProperty("syncStatus").GetString());
    }

    [Fact]
    public async Task A_node_not_seen_for_the_node_timeout_is_unknown()
    {
        var cp = await _host.CreateControlPlaneAsync("timeout");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));
        var head = await ClusterHost.JsonAsync(await client.GetAsync(new Uri("/v1/outlet/poll?after_version=0", UriKind.Relative)));
        await HeartbeatAsync(client, Guid.NewGuid(), head);
        Assert.Equal("IN_SYNC", Assert.Single(await DataPlanesAsync(cp)).GetProperty("syncStatus").GetString());

        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.Equal("UNKNOWN", Assert.Single(await DataPlanesAsync(cp)).GetProperty("syncStatus").GetString());
    }

    [Fact]
    public async Task A_heartbeat_that_changes_nothing_moves_last_seen_without_appending_an_event()
    {
        var cp = await _host.CreateControlPlaneAsync("quiet");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));
        var head = await ClusterHost.JsonAsync(await client.GetAsync(new Uri("/v1/outlet/poll?after_version=0", UriKind.Relative)));
        var node = Guid.NewGuid();
        var nodes = _host.Services.GetRequiredService<DataPlaneNodeReader>();

        await HeartbeatAsync(client, node, head);
        var first = (await nodes.GetAsync(Guid.Parse(cp), node))!;
        await Task.Delay(50);
        await HeartbeatAsync(client, node, head);
        var second = (await nodes.GetAsync(Guid.Parse(cp), node))!;
        await HeartbeatAsync(client, node, head, new { zone = "b" });
        var third = (await nodes.GetAsync(Guid.Parse(cp), node))!;

        Assert.Equal(1, first.StreamVersion);
        Assert.Equal(1, second.StreamVersion);
        Assert.True(second.LastSeen > first.LastSeen);
        Assert.Equal(2, third.StreamVersion);
        Assert.Equal("b", third.Labels["zone"]);
    }

    [Theory]
    [InlineData("/v1/status", "{\"hostname\":\"no-id\"}")]
    [InlineData("/v1/status", "{\"node_id\":\"nope\"}")]
    [InlineData("/v1/status", "not json")]
    [InlineData("/v1/status", "{\"node_id\":\"7f0c5b8e-4f4e-4a59-9f59-3f1c2b1f0a11\",\"config_version\":\"x\"}")]
    [InlineData("/v1/nack", "{\"node_id\":\"7f0c5b8e-4f4e-4a59-9f59-3f1c2b1f0a11\",\"version\":3}")]
    public async Task A_malformed_report_answers_400_with_a_message(string path, string body)
    {
        var cp = await _host.CreateControlPlaneAsync("bad-report-" + Guid.NewGuid().ToString("N")[..8]);
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));

        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await ClusterHost.JsonAsync(response)).GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_refused_snapshot_is_recorded_and_not_pushed_to_that_node_again_until_the_head_changes()
    {
        var cp = await _host.CreateControlPlaneAsync("refusing");
        await _host.CreateServiceAsync(cp, "a.internal");
        var token = await _host.DataPlaneTokenAsync(cp);
        using var client = _host.Cluster(token);
        var node = Guid.NewGuid();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using (var first = await _host.ConnectOutletAsync(token, node, timeout.Token))
        {
            var refused = await ClusterHost.ReceiveAsync(first, timeout.Token);
            using var nack = await client.PostAsJsonAsync(new Uri("/v1/nack", UriKind.Relative), new
            {
                node_id = node,
                version = refused.GetProperty("version").GetInt64(),
                config_hash = refused.GetProperty("config_hash").GetString(),
                snapshot_hash = refused.GetProperty("snapshot_hash").GetString(),
                error = "plugin 'foo' is not supported by this data plane",
                details = new[] { "plugins[3].name: unknown plugin foo" },
            });
            Assert.Equal(HttpStatusCode.NoContent, nack.StatusCode);
        }

        // Reconnecting: the refused head is not sent at once, and the long-poll does not answer with it either
        using var again = await _host.ConnectOutletAsync(token, node, timeout.Token);
        var nothing = ClusterHost.ReceiveAsync(again, timeout.Token);
        await Task.Delay(500, timeout.Token);
        Assert.False(nothing.IsCompleted);
        using var poll = await client.GetAsync(new Uri($"/v1/outlet/poll?node_id={node}&after_version=0&wait=1", UriKind.Relative));
        var node1 = Assert.Single(await DataPlanesAsync(cp));

        // The next change is pushed as usual
        var next = await _host.CreateServiceAsync(cp, "b.internal");
        var pushed = await nothing.WaitAsync(timeout.Token);

        Assert.Equal("plugin 'foo' is not supported by this data plane", node1.GetProperty("lastError").GetString());
        Assert.Equal("plugins[3].name: unknown plugin foo", node1.GetProperty("lastErrorDetails")[0].GetString());
        Assert.Equal(next, pushed.GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
    }

    [Fact]
    public async Task DataPlaneStatusChanged_sends_a_node_when_it_reports_and_when_its_status_changes()
    {
        var cp = await _host.CreateControlPlaneAsync("watched-nodes");
        using var client = _host.Cluster(await _host.DataPlaneTokenAsync(cp));
        var head = await ClusterHost.JsonAsync(await client.GetAsync(new Uri("/v1/outlet/poll?after_version=0", UriKind.Relative)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var socket = await _host.SubscribeAsync(
            $"subscription {{ dataPlaneStatusChanged(controlPlaneId: \"{cp}\") {{ id hostname syncStatus configVersion }} }}", timeout.Token);
        await Task.Delay(300, timeout.Token);
        var node = Guid.NewGuid();

        await HeartbeatAsync(client, node, head);
        var seen = await NextAsync(socket, timeout.Token);
        await _host.CreateServiceAsync(cp, "moved-on.internal");
        var stale = await NextAsync(socket, timeout.Token);
        var gone = await NextAsync(socket, timeout.Token);

        Assert.Equal(node.ToString(), seen.GetProperty("id").GetString());
        Assert.Equal("IN_SYNC", seen.GetProperty("syncStatus").GetString());
        Assert.Equal("OUT_OF_SYNC", stale.GetProperty("syncStatus").GetString());
        Assert.Equal("UNKNOWN", gone.GetProperty("syncStatus").GetString());
    }

    private static async Task<JsonElement> NextAsync(System.Net.WebSockets.WebSocket socket, CancellationToken cancellationToken)
    {
        var message = await ClusterHost.ReceiveAsync(socket, cancellationToken);
        Assert.Equal("next", message.GetProperty("type").GetString());
        return message.GetProperty("payload").GetProperty("data").GetProperty("dataPlaneStatusChanged");
    }

    private static async Task HeartbeatAsync(HttpClient client, Guid node, JsonElement head, object? labels = null)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/v1/status", UriKind.Relative), new
        {
            node_id = node,
            hostname = "dp-1",
            version = "0.1.0",
            config_version = head.GetProperty("version").GetInt64(),
            config_hash = head.GetProperty("config_hash").GetString(),
            snapshot_hash = head.GetProperty("snapshot_hash").GetString(),
            labels = labels ?? new { },
            errors = Array.Empty<string>(),
        });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private async Task<List<JsonElement>> DataPlanesAsync(string cp) =>
        [.. (await _host.Admin.DataAsync(
            "query($id: ID!) { controlPlane(id: $id) { dataPlanes { id hostname version lastSeen configVersion configHash syncStatus labels lastError lastErrorDetails } } }",
            new { id = cp }))
            .GetProperty("controlPlane").GetProperty("dataPlanes").EnumerateArray()];
}
