using KonnectES.Cluster.Support;
using KonnectES.DataPlane.Sync;

namespace KonnectES.Cluster.Tests;

public sealed class FallingBackToLongPolling(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task When_the_upgrade_is_refused_on_the_way_the_client_long_polls_and_still_gets_every_change()
    {
        // Given a node behind something that answers WebSocket upgrades with 400
        await using var node = await ControlPlaneNode.StartAsync(database.ConnectionString, refuseWebSockets: true);
        var cp = await node.Admin.CreateControlPlaneAsync("no-websockets");
        var service = await node.Admin.CreateServiceAsync(cp, "orders");
        var route = await node.Admin.CreateRouteAsync(cp, service, "orders-route", "/orders");
        var token = await node.Admin.CreateDataPlaneTokenAsync(cp);

        // When a data plane in the default mode connects
        await using var dp = await SyncedDataPlane.StartAsync(node.ClusterUrl, token);
        var status = await dp.HoldsAsync((await ClusterProbe.HeadAsync(node.ClusterUrl, token)).SnapshotHash);

        // Then it long-polls
        Assert.Equal("long-poll", status.Transport);
        Assert.Equal(SyncState.Connected, status.State);

        // And a change reaches it as a delta
        await node.Admin.UpdateRoutePathAsync(cp, route, service, "orders-route", "/orders/v2");
        var next = await ClusterProbe.HeadAsync(node.ClusterUrl, token);
        status = await dp.HoldsAsync(next.SnapshotHash);
        Assert.Equal(next.Version, status.Version);
        Assert.Equal((1, 1), (dp.Client.Counters.FullPulls, dp.Client.Counters.DeltaPulls));
    }
}
