using KonnectES.ControlPlane.Cluster;
using KonnectES.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.Server.Tests.Cluster;

public sealed class SpreadingChangesAcrossNodes(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_data_plane_connected_to_node_b_hears_of_a_change_made_through_node_a()
    {
        await using var a = await ClusterHost.StartAsync(database);
        await using var b = await ClusterHost.StartAsync(database);
        var cp = await a.CreateControlPlaneAsync("two-nodes");
        var token = await a.DataPlaneTokenAsync(cp);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var socket = await b.ConnectOutletAsync(token, Guid.NewGuid(), timeout.Token);
        var head = await ClusterHost.ReceiveAsync(socket, timeout.Token);

        var version = await a.CreateServiceAsync(cp, "made-on-a.internal");
        var pushed = await ClusterHost.ReceiveAsync(socket, timeout.Token);

        Assert.Equal(version - 1, head.GetProperty("version").GetInt64());
        Assert.Equal(version, pushed.GetProperty("version").GetInt64());
        Assert.Equal(cp, pushed.GetProperty("control_plane_id").GetString());
    }

    [Fact]
    public async Task Portal_subscribers_on_node_b_see_config_changes_and_node_reports_made_through_node_a()
    {
        await using var a = await ClusterHost.StartAsync(database);
        await using var b = await ClusterHost.StartAsync(database, new Dictionary<string, string?> { ["Cluster:StatusSweepInterval"] = "00:10:00" });
        var cp = await a.CreateControlPlaneAsync("portal-two-nodes");
        using var client = a.Cluster(await a.DataPlaneTokenAsync(cp));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var changes = await b.SubscribeAsync($"subscription {{ configChanged(controlPlaneId: \"{cp}\") {{ version type }} }}", timeout.Token);
        using var nodes = await b.SubscribeAsync($"subscription {{ dataPlaneStatusChanged(controlPlaneId: \"{cp}\") {{ id hostname }} }}", timeout.Token);
        await Task.Delay(500, timeout.Token);

        var version = await a.CreateServiceAsync(cp, "through-a.internal");
        var change = await ClusterHost.ReceiveAsync(changes, timeout.Token);
        var node = Guid.NewGuid();
        using var status = await client.PostAsync(
            new Uri("/v1/status", UriKind.Relative),
            new StringContent($"{{\"node_id\":\"{node}\",\"hostname\":\"dp-on-a\"}}", System.Text.Encoding.UTF8, "application/json"));
        var reported = await ClusterHost.ReceiveAsync(nodes, timeout.Token);

        Assert.Equal(version, change.GetProperty("payload").GetProperty("data").GetProperty("configChanged").GetProperty("version").GetInt64());
        Assert.Equal(System.Net.HttpStatusCode.NoContent, status.StatusCode);
        Assert.Equal("dp-on-a", reported.GetProperty("payload").GetProperty("data").GetProperty("dataPlaneStatusChanged").GetProperty("hostname").GetString());
    }

    [Fact]
    public async Task A_change_committed_while_no_relay_ran_is_delivered_by_the_next_node_that_starts()
    {
        // Given a node that commits changes but dies before any relay dispatched their "snapshot ready"
        string cp;
        long version;
        await using (var dying = await ClusterHost.StartAsync(database, new Dictionary<string, string?> { ["Messaging:RunRelay"] = "false" }))
        {
            cp = await dying.CreateControlPlaneAsync("restart");
            version = await dying.CreateServiceAsync(cp, "committed.internal");
        }

        Assert.True(await database.ScalarAsync<long>("SELECT count(*) FROM kes_messaging.outbox") > 0);

        // When another node starts on the same database
        await using var next = await ClusterHost.StartAsync(database);
        var notifications = next.Services.GetRequiredService<SnapshotNotifications>();

        // Then the message is delivered, and what waits on that node sees the version
        var ready = await notifications.WaitForNewerAsync(Guid.Parse(cp), version - 1, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await next.Services.GetRequiredService<IMessageTracker>().WaitForOutboxDrainedAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(version, ready.Version);
        Assert.Equal(0, await database.ScalarAsync<long>("SELECT count(*) FROM kes_messaging.outbox"));
    }
}
