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
