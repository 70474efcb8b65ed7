using System.Text.Json;
using KonnectES.Cluster.Support;
using KonnectES.DataPlane.Sync;
using KonnectES.Domain;

namespace KonnectES.Cluster.Tests;

public sealed class SyncingThroughTheCluster(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [InlineData("websocket")]
    [InlineData("long-poll")]
    public async Task A_client_gets_the_current_config_at_connect_then_each_change_as_a_delta(string channel)
    {
        var transport = channel == "websocket" ? SyncTransport.WebSocket : SyncTransport.LongPolling;

        // Given a control plane with a service and a route
        await using var node = await ControlPlaneNode.StartAsync(database.ConnectionString);
        var cp = await node.Admin.CreateControlPlaneAsync("connect-" + channel);
        var service = await node.Admin.CreateServiceAsync(cp, "orders");
        var route = await node.Admin.CreateRouteAsync(cp, service, "orders-route", "/orders");
        var token = await node.Admin.CreateDataPlaneTokenAsync(cp);
        var head = await ClusterProbe.HeadAsync(node.ClusterUrl, token);

        // When a data plane connects
        await using var dp = await SyncedDataPlane.StartAsync(node.ClusterUrl, token, o => o.Transport = transport);
        var status = await dp.HoldsAsync(head.SnapshotHash);

        // Then it holds the head, pulled once in full
        Assert.Equal(head.Version, status.Version);
        Assert.Equal(head.ConfigHash, status.ConfigHash);
        Assert.Equal(SyncState.Connected, status.State);
        Assert.Equal(channel, status.Transport);
        Assert.Equal((1, 0), (dp.Client.Counters.FullPulls, dp.Client.Counters.DeltaPulls));
        var first = Assert.Single(dp.Applier.Received);
        Assert.Equal("/orders", Paths(first.Document).Single());
        Assert.Equal(head.SnapshotHash, SnapshotContentHash.OfDocument(first.Document));
        var fullBytes = dp.Client.Counters.BytesReceived;

        // When the route changes twice
        for (var i = 1; i <= 2; i++)
        {
            await node.Admin.UpdateRoutePathAsync(cp, route, service, "orders-route", "/orders/v" + i);
            var next = await ClusterProbe.HeadAsync(node.ClusterUrl, token);
            status = await dp.HoldsAsync(next.SnapshotHash);

            // Then each arrives as a delta, smaller than the full snapshot, and hashes like the control plane's
            Assert.Equal(next.Version, status.Version);
            Assert.Equal(next.ConfigHash, status.ConfigHash);
            Assert.Equal((1, (long)i), (dp.Client.Counters.FullPulls, dp.Client.Counters.DeltaPulls));
            var applied = dp.Applier.Received.Last();
            Assert.Equal("/orders/v" + i, Paths(applied.Document).Single());
            Assert.Equal(next.SnapshotHash, SnapshotContentHash.OfDocument(applied.Document));
        }

        var deltaBytes = dp.Client.Counters.BytesReceived - fullBytes;
        Assert.True(deltaBytes < fullBytes * 2, $"two deltas took {deltaBytes} bytes, the full snapshot {fullBytes}");
        Assert.Equal(3, dp.Applier.Received.Count);
    }

    [Fact]
    public async Task A_change_that_ships_nothing_is_adopted_without_a_pull()
    {
        // Given a connected data plane
        await using var node = await ControlPlaneNode.StartAsync(database.ConnectionString);
        var cp = await node.Admin.CreateControlPlaneAsync("unshipped");
        var service = await node.Admin.CreateServiceAsync(cp, "orders");
        var token = await node.Admin.CreateDataPlaneTokenAsync(cp);
        await using var dp = await SyncedDataPlane.StartAsync(node.ClusterUrl, token);
        var before = await ClusterProbe.HeadAsync(node.ClusterUrl, token);
        await dp.HoldsAsync(before.SnapshotHash);

        // When a disabled plugin is added (the configuration changes, the snapshot does not)
        await node.Admin.DataAsync(
            "mutation($cp: ID!, $s: ID) { createPlugin(input: {controlPlaneId: $cp, name: \"cors\", serviceId: $s, enabled: false}) { errors { code } } }",
            new { cp, s = service });
        var after = await ClusterProbe.HeadAsync(node.ClusterUrl, token);
        var status = await dp.WaitAsync(s => s.Version == after.Version);

        // Then the data plane reports the new version and config hash, with no download and no new apply
        Assert.Equal(before.SnapshotHash, after.SnapshotHash);
        Assert.Equal(after.ConfigHash, status.ConfigHash);
        Assert.Equal((1, 0), (dp.Client.Counters.FullPulls, dp.Client.Counters.DeltaPulls));
        Assert.Single(dp.Applier.Received);
    }

    [Fact]
    public async Task A_wrong_token_is_reported_as_401_and_retried_with_backoff_without_crashing()
    {
        // Given a node, and a token it never issued
        await using var node = await ControlPlaneNode.StartAsync(database.ConnectionString);

        // When a data plane starts with it
        await using var dp = await SyncedDataPlane.StartAsync(node.ClusterUrl, "kes_dp_not_a_token");
        var status = await dp.WaitAsync(s => s.LastError is not null && dp.Client.Counters.ConnectAttempts >= 4);

        // Then it says why, keeps trying, and holds nothing
        Assert.Contains("401", status.LastError, StringComparison.Ordinal);
        Assert.Equal(SyncState.Disconnected, status.State);
        Assert.Null(status.Version);
        Assert.Empty(dp.Applier.Received);

        // And the retries are spaced by the backoff (at most 400 ms apart here), not a tight loop
        // (five waits drawn from [0, 400 ms] sum to under 100 ms with a probability below 1e-5).
        var attempts = dp.Client.Counters.ConnectAttempts;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await dp.WaitAsync(s => dp.Client.Counters.ConnectAttempts >= attempts + 5 && s.LastError is not null);
        Assert.True(watch.Elapsed > TimeSpan.FromMilliseconds(100), $"5 retries in {watch.Elapsed}");

        // And stopping it is clean (no loop threw)
        await dp.StopAsync();
        Assert.DoesNotContain(dp.Logger.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    private static List<string> Paths(JsonElement document) =>
        [.. document.GetProperty("routes").EnumerateArray().SelectMany(r => r.GetProperty("paths").EnumerateArray()).Select(p => p.GetString()!)];
}
