using KonnectES.Cluster.Support;

namespace KonnectES.Cluster.Tests;

public sealed class ServingManyDataPlanes(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Two_hundred_data_planes_all_reach_the_new_snapshot_after_one_change()
    {
        // Given 200 data planes, each with its own node id, holding the current configuration
        await using var node = await ControlPlaneNode.StartAsync(database.ConnectionString);
        var cp = await node.Admin.CreateControlPlaneAsync("fleet");
        var service = await node.Admin.CreateServiceAsync(cp, "orders");
        var route = await node.Admin.CreateRouteAsync(cp, service, "orders-route", "/orders");
        var token = await node.Admin.CreateDataPlaneTokenAsync(cp);
        var head = await ClusterProbe.HeadAsync(node.ClusterUrl, token);
        var fleet = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => SyncedDataPlane.StartAsync(
            node.ClusterUrl, token, o => o.HeartbeatInterval = TimeSpan.FromSeconds(30))));
        try
        {
            await Task.WhenAll(fleet.Select(dp => dp.HoldsAsync(head.SnapshotHash, TimeSpan.FromSeconds(90))));
            Assert.Equal(200, fleet.Select(dp => dp.Client.NodeId).Distinct().Count());

            // When one route changes
            await node.Admin.UpdateRoutePathAsync(cp, route, service, "orders-route", "/orders/v2");
            var next = await ClusterProbe.HeadAsync(node.ClusterUrl, token);

            // Then every one of them holds the new snapshot, reached through a delta
            var statuses = await Task.WhenAll(fleet.Select(dp => dp.HoldsAsync(next.SnapshotHash, TimeSpan.FromSeconds(90))));
            Assert.All(statuses, s => Assert.Equal(next.Version, s.Version));
            Assert.All(fleet, dp => Assert.Equal((1, 1), (dp.Client.Counters.FullPulls, dp.Client.Counters.DeltaPulls)));
        }
        finally
        {
            await Task.WhenAll(fleet.Select(dp => dp.DisposeAsync().AsTask()));
        }
    }
}
