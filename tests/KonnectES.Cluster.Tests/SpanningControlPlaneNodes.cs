using KonnectES.Cluster.Support;
using KonnectES.DataPlane.Sync;

namespace KonnectES.Cluster.Tests;

public sealed class SpanningControlPlaneNodes(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_data_plane_connected_to_node_b_learns_of_a_change_made_through_node_a()
    {
        // Given two control-plane nodes on one database, and a data plane connected to B
        await using var a = await ControlPlaneNode.StartAsync(database.ConnectionString);
        await using var b = await ControlPlaneNode.StartAsync(database.ConnectionString);
        var cp = await a.Admin.CreateControlPlaneAsync("two-nodes");
        var service = await a.Admin.CreateServiceAsync(cp, "orders");
        var route = await a.Admin.CreateRouteAsync(cp, service, "orders-route", "/orders");
        var token = await a.Admin.CreateDataPlaneTokenAsync(cp);
        await using var dp = await SyncedDataPlane.StartAsync(b.ClusterUrl, token);
        await dp.HoldsAsync((await ClusterProbe.HeadAsync(b.ClusterUrl, token)).SnapshotHash);

        // When the route changes through A
        await a.Admin.UpdateRoutePathAsync(cp, route, service, "orders-route", "/orders/v2");
        var next = await ClusterProbe.HeadAsync(a.ClusterUrl, token);

        // Then B pushes it, and the data plane pulls it from B as a delta
        var status = await dp.HoldsAsync(next.SnapshotHash);
        Assert.Equal(next.Version, status.Version);
        Assert.Equal(1, dp.Client.Counters.DeltaPulls);
    }

    [Fact]
    public async Task A_data_plane_keeps_its_snapshot_while_its_node_is_unreachable_then_reconnects_and_catches_up()
    {
        // Given a data plane connected to a node through a network that can be cut
        await using var node = await ControlPlaneNode.StartAsync(database.ConnectionString);
        using var network = new TcpRelay(node.ClusterUrl);
        var cp = await node.Admin.CreateControlPlaneAsync("unreachable");
        var service = await node.Admin.CreateServiceAsync(cp, "orders");
        var route = await node.Admin.CreateRouteAsync(cp, service, "orders-route", "/orders");
        var token = await node.Admin.CreateDataPlaneTokenAsync(cp);
        await using var dp = await SyncedDataPlane.StartAsync(network.Url, token);
        var before = await ClusterProbe.HeadAsync(node.ClusterUrl, token);
        await dp.HoldsAsync(before.SnapshotHash);
        var attempts = dp.Client.Counters.ConnectAttempts;

        // When the network is cut, the configuration changes meanwhile, and the network comes back
        network.Cut();
        var down = await dp.WaitAsync(s => s.State == SyncState.Disconnected && dp.Client.Counters.ConnectAttempts >= attempts + 2);
        await node.Admin.UpdateRoutePathAsync(cp, route, service, "orders-route", "/orders/v2");
        var next = await ClusterProbe.HeadAsync(node.ClusterUrl, token);
        Assert.Equal(before.SnapshotHash, dp.Client.Status.SnapshotHash);
        network.Restore();

        // Then it kept its snapshot while cut off, and catches up through a delta once it reconnects
        Assert.Equal(before.SnapshotHash, down.SnapshotHash);
        Assert.Equal(before.Version, down.Version);
        Assert.NotNull(down.LastError);
        var status = await dp.HoldsAsync(next.SnapshotHash);
        Assert.Equal(next.Version, status.Version);
        Assert.Equal(SyncState.Connected, status.State);
        Assert.Equal((1, 1), (dp.Client.Counters.FullPulls, dp.Client.Counters.DeltaPulls));
    }

    [Fact(Skip = "A node's graceful stop waits for its open push channels until the host's shutdown timeout (30 s), then fails in the messaging's unregister")]
    public async Task A_data_plane_keeps_its_snapshot_while_its_node_is_stopped_then_reconnects_and_catches_up()
    {
        // Given a data plane connected to node A (B serves the portal throughout)
        var clusterPort = ControlPlaneNode.FreePort();
        var a = await ControlPlaneNode.StartAsync(database.ConnectionString, clusterPort);
        await using var b = await ControlPlaneNode.StartAsync(database.ConnectionString);
        var cp = await b.Admin.CreateControlPlaneAsync("outage");
        var service = await b.Admin.CreateServiceAsync(cp, "orders");
        var route = await b.Admin.CreateRouteAsync(cp, service, "orders-route", "/orders");
        var token = await b.Admin.CreateDataPlaneTokenAsync(cp);
        await using var dp = await SyncedDataPlane.StartAsync(a.ClusterUrl, token);
        var before = await ClusterProbe.HeadAsync(b.ClusterUrl, token);
        await dp.HoldsAsync(before.SnapshotHash);
        var attempts = dp.Client.Counters.ConnectAttempts;

        // When A stops, the configuration changes meanwhile, and A comes back on the same address
        await a.DisposeAsync();
        var down = await dp.WaitAsync(s => s.State == SyncState.Disconnected && dp.Client.Counters.ConnectAttempts >= attempts + 2);
        Assert.Equal(before.SnapshotHash, down.SnapshotHash);
        Assert.Equal(before.Version, down.Version);
        await b.Admin.UpdateRoutePathAsync(cp, route, service, "orders-route", "/orders/v2");
        var next = await ClusterProbe.HeadAsync(b.ClusterUrl, token);
        await using var again = await ControlPlaneNode.StartAsync(database.ConnectionString, clusterPort);

        // Then the data plane reconnects to it and catches up through a delta
        var status = await dp.HoldsAsync(next.SnapshotHash);
        Assert.Equal(next.Version, status.Version);
        Assert.Equal(SyncState.Connected, status.State);
        Assert.Equal((1, 1), (dp.Client.Counters.FullPulls, dp.Client.Counters.DeltaPulls));
        await dp.StopAsync();
    }

    [Fact]
    public async Task A_data_plane_restarted_while_the_control_plane_is_down_serves_its_cached_snapshot()
    {
        // Given a data plane that synced once, then stopped
        var dataDirectory = Directory.CreateTempSubdirectory("konnectes-dp-restart").FullName;
        try
        {
            var node = await ControlPlaneNode.StartAsync(database.ConnectionString);
            var cp = await node.Admin.CreateControlPlaneAsync("restart");
            var service = await node.Admin.CreateServiceAsync(cp, "orders");
            await node.Admin.CreateRouteAsync(cp, service, "orders-route", "/orders");
            var token = await node.Admin.CreateDataPlaneTokenAsync(cp);
            var head = await ClusterProbe.HeadAsync(node.ClusterUrl, token);
            var clusterUrl = node.ClusterUrl;
            Guid nodeId;
            await using (var first = await SyncedDataPlane.StartAsync(clusterUrl, token, dataDirectory: dataDirectory))
            {
                await first.HoldsAsync(head.SnapshotHash);
                nodeId = first.Client.NodeId;
            }

            // When the control plane is down and the data plane starts again
            await node.DisposeAsync();
            await using var second = await SyncedDataPlane.StartAsync(clusterUrl, token, dataDirectory: dataDirectory);
            var status = await second.WaitAsync(s => s.Version is not null && s.LastError is not null);

            // Then it serves the cached snapshot under the same node id, and says it is disconnected
            Assert.Equal(head.SnapshotHash, status.SnapshotHash);
            Assert.Equal(head.Version, status.Version);
            Assert.Equal(SyncState.Disconnected, status.State);
            Assert.Equal(nodeId, second.Client.NodeId);
            var served = Assert.Single(second.Applier.Received);
            Assert.Equal(head.SnapshotHash, served.SnapshotHash);
            Assert.Equal("/orders", served.Document.GetProperty("routes")[0].GetProperty("paths")[0].GetString());
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
