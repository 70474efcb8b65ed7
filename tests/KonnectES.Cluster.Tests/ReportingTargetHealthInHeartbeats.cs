using System.Text.Json;
using KonnectES.Cluster.Support;
using KonnectES.DataPlane.Balancing;
using KonnectES.DataPlane.Sync;
using KonnectES.DataPlane.Tests.Sync;

namespace KonnectES.Cluster.Tests;

public sealed class ReportingTargetHealthInHeartbeats(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Upstream = """
        _format_version: "3.0"
        upstreams:
        - name: orders
          healthchecks:
            passive:
              unhealthy:
                http_failures: 3
          targets:
          - target: 127.0.0.1:9
          - target: 127.0.0.1:10
        """;

    [Fact]
    public async Task A_data_plane_reports_its_target_health_once_then_only_when_it_changes()
    {
        // Given a control plane with an upstream of two targets, and a data plane whose balancers come from its snapshots
        await using var node = await ControlPlaneNode.StartAsync(database.ConnectionString);
        var cp = await node.Admin.CreateControlPlaneAsync("health-heartbeats");
        await node.Admin.ImportYamlAsync(cp, Upstream);
        var token = await node.Admin.CreateDataPlaneTokenAsync(cp);
        var head = await ClusterProbe.HeadAsync(node.ClusterUrl, token);
        var upstreams = UpstreamSet.Empty();
        var applier = new RecordingApplier();
        applier.Decide = snapshot =>
        {
            Volatile.Write(ref upstreams, UpstreamSet.Compile(snapshot.Document, Volatile.Read(ref upstreams)));
            return SnapshotApplyResult.Applied;
        };
        var logger = new RecordingLogger<SyncClient>();
        var directory = Directory.CreateTempSubdirectory("konnectes-dp").FullName;
        using var client = new SyncClient(
            new SyncClientOptions
            {
                ClusterUrl = node.ClusterUrl,
                Token = token,
                DataDirectory = directory,
                Hostname = "dp-health",
                HeartbeatInterval = TimeSpan.FromSeconds(1),
                HealthWatchInterval = TimeSpan.FromMilliseconds(100),
            },
            applier, logger, new UpstreamTargetHealth(() => Volatile.Read(ref upstreams)));
        try
        {
            // When it connects and applies the snapshot
            await client.StartAsync(CancellationToken.None);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await client.WaitForAsync(s => s.SnapshotHash == head.SnapshotHash, wait.Token);

            // Then the portal shows both targets healthy for that data plane
            var healthy = await HealthEventuallyAsync(node, cp, h => h.Count == 2);
            Assert.All(healthy, h => Assert.Equal(("HEALTHY", client.NodeId.ToString()), (h.Health, h.Node)));
            Assert.Equal(["127.0.0.1:10", "127.0.0.1:9"], healthy.Select(h => h.Target).Order(StringComparer.Ordinal));

            // And heartbeats that follow carry no target health while nothing changes
            var reports = client.Counters.TargetHealthReports;
            var heartbeats = client.Counters.Heartbeats;
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            Assert.True(client.Counters.Heartbeats >= heartbeats + 2, $"{client.Counters.Heartbeats - heartbeats} heartbeat(s) in 2.5 s");
            Assert.Equal(reports, client.Counters.TargetHealthReports);

            // When one target is taken out on this node, the change is reported without waiting for the next heartbeat
            var balancer = Volatile.Read(ref upstreams).FindByName("orders")!;
            var target = balancer.Definition.Targets.Single(t => t.Target == "127.0.0.1:9");
            Assert.True(balancer.SetTargetHealth(target.Id, healthy: false));
            var unhealthy = await HealthEventuallyAsync(node, cp, h => h.Any(t => t.Health == "UNHEALTHY"));

            // Then the portal shows that target unhealthy and the other one still healthy, in one more report
            await Task.Delay(TimeSpan.FromSeconds(1.5)); // a heartbeat or more after the report
            Assert.Equal(
                [("127.0.0.1:10", "HEALTHY"), ("127.0.0.1:9", "UNHEALTHY")],
                unhealthy.Select(h => (h.Target, h.Health)).OrderBy(h => h.Target, StringComparer.Ordinal));
            Assert.Equal(reports + 1, client.Counters.TargetHealthReports);
        }
        finally
        {
            await client.StopAsync(CancellationToken.None);
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<List<(string Target, string Health, string Node)>> HealthEventuallyAsync(
        ControlPlaneNode node, string cp, Func<List<(string Target, string Health, string Node)>, bool> predicate)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var data = await node.Admin.DataAsync(
                "query($cp: ID) { controlPlane(id: $cp) { upstream(name: \"orders\") { health { target health dataPlaneId } } } }", new { cp });
            var health = data.GetProperty("controlPlane").GetProperty("upstream").GetProperty("health").EnumerateArray()
                .Select(h => (h.GetProperty("target").GetString()!, h.GetProperty("health").GetString()!, h.GetProperty("dataPlaneId").GetString()!))
                .ToList();
            if (predicate(health))
            {
                return health;
            }

            Assert.True(DateTime.UtcNow < deadline, "the portal never showed the expected health; it shows " + JsonSerializer.Serialize(health));
            await Task.Delay(100);
        }
    }
}
