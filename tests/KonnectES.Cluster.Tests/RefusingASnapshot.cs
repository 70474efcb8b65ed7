using System.Text.Json;
using KonnectES.Cluster.Support;
using KonnectES.DataPlane.Sync;
using KonnectES.DataPlane.Tests.Sync;

namespace KonnectES.Cluster.Tests;

public sealed class RefusingASnapshot(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_refused_snapshot_is_nacked_never_downloaded_again_and_the_next_change_is_applied()
    {
        // Given a data plane whose proxy cannot serve a route on /refuse-me
        await using var node = await ControlPlaneNode.StartAsync(database.ConnectionString);
        var cp = await node.Admin.CreateControlPlaneAsync("refusals");
        var service = await node.Admin.CreateServiceAsync(cp, "orders");
        var route = await node.Admin.CreateRouteAsync(cp, service, "orders-route", "/a");
        var token = await node.Admin.CreateDataPlaneTokenAsync(cp);
        var applier = new RecordingApplier
        {
            Decide = s => Paths(s.Document).Contains("/refuse-me")
                ? SnapshotApplyResult.Refused("route 'orders-route' cannot be served", "routes[0].paths[0]: /refuse-me is refused by this data plane")
                : SnapshotApplyResult.Applied,
        };
        await using var dp = await SyncedDataPlane.StartAsync(node.ClusterUrl, token, applier: applier);
        var good = await ClusterProbe.HeadAsync(node.ClusterUrl, token);
        await dp.HoldsAsync(good.SnapshotHash);

        // When the route moves to /refuse-me
        await node.Admin.UpdateRoutePathAsync(cp, route, service, "orders-route", "/refuse-me");
        var bad = await ClusterProbe.HeadAsync(node.ClusterUrl, token);
        var refused = await dp.WaitAsync(s => s.State == SyncState.Refused);

        // Then the client NACKs it and keeps serving the previous snapshot
        Assert.Equal(1, dp.Client.Counters.Nacks);
        Assert.Equal(good.SnapshotHash, refused.SnapshotHash);
        Assert.Equal(good.Version, refused.Version);
        Assert.Equal("route 'orders-route' cannot be served", refused.LastError);
        var pulls = dp.Client.Counters.FullPulls + dp.Client.Counters.DeltaPulls;
        var handed = dp.Applier.Received.Count;

        // When the route goes back, then to /refuse-me again: the very snapshot that was refused is the head again
        await node.Admin.UpdateRoutePathAsync(cp, route, service, "orders-route", "/a");
        await dp.WaitAsync(s => s.State == SyncState.Connected && s.Version > good.Version);
        await node.Admin.UpdateRoutePathAsync(cp, route, service, "orders-route", "/refuse-me");
        var again = await ClusterProbe.HeadAsync(node.ClusterUrl, token);
        Assert.Equal(bad.SnapshotHash, again.SnapshotHash);

        // (The node may skip the notification of a snapshot this node refused; when it sends it, the client skips it.)
        using (var notified = new CancellationTokenSource(TimeSpan.FromSeconds(3)))
        {
            try
            {
                await dp.Client.WaitForAsync(s => s.State == SyncState.Refused, notified.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Equal(SyncState.Connected, dp.Client.Status.State);
            }
        }

        // Then it was neither downloaded nor handed to the proxy again (going back to /a needed no download either)
        Assert.Equal(pulls, dp.Client.Counters.FullPulls + dp.Client.Counters.DeltaPulls);
        Assert.Equal(handed, dp.Applier.Received.Count);
        Assert.Equal(1, dp.Client.Counters.Nacks);

        // When the next change comes
        await node.Admin.UpdateRoutePathAsync(cp, route, service, "orders-route", "/b");
        var next = await ClusterProbe.HeadAsync(node.ClusterUrl, token);
        var status = await dp.HoldsAsync(next.SnapshotHash);

        // Then it is applied as usual: one more download, one more snapshot handed over
        Assert.Equal(pulls + 1, dp.Client.Counters.FullPulls + dp.Client.Counters.DeltaPulls);
        Assert.Equal(handed + 1, dp.Applier.Received.Count);
        Assert.Equal(SyncState.Connected, status.State);
        Assert.Equal(next.Version, status.Version);
        Assert.Null(status.LastError);
        Assert.Equal(["/b"], Paths(dp.Applier.Received.Last().Document));
    }

    private static List<string> Paths(JsonElement document) =>
        [.. document.GetProperty("routes").EnumerateArray().SelectMany(r => r.GetProperty("paths").EnumerateArray()).Select(p => p.GetString()!)];
}
