using System.Text.Json;
using KonnectES.DataPlane.Sync;
using KonnectES.DataPlane.Tests.Balancing;

namespace KonnectES.DataPlane.Tests.Sync;

public sealed class ReadingTargetHealthForHeartbeats
{
    private const string TwoUpstreams = """
        _format_version: "3.0"
        upstreams:
        - name: checked
          healthchecks:
            passive:
              unhealthy:
                http_failures: 1
          targets:
          - target: 10.0.0.2:80
          - target: 10.0.0.1:80
        - name: unchecked
          targets:
          - target: 10.0.0.3:8080
        """;

    [Fact]
    public void Each_target_is_named_as_kongs_upstream_health_names_it_in_a_stable_order()
    {
        var set = Snapshots.Compile(TwoUpstreams);
        var source = new UpstreamTargetHealth(() => set);
        var checkedId = set.FindByName("checked")!.Id;
        var uncheckedId = set.FindByName("unchecked")!.Id;

        var health = source.Read();

        Assert.Equal(
            [
                new TargetHealthEntry(checkedId, "checked", "10.0.0.1:80", "HEALTHY"),
                new TargetHealthEntry(checkedId, "checked", "10.0.0.2:80", "HEALTHY"),
                new TargetHealthEntry(uncheckedId, "unchecked", "10.0.0.3:8080", "HEALTHCHECKS_OFF"),
            ],
            health.OrderBy(h => h.UpstreamId == checkedId ? 0 : 1));
        Assert.Equal(health, health.OrderBy(h => h.UpstreamId).ThenBy(h => h.Target, StringComparer.Ordinal));
    }

    [Fact]
    public void A_target_taken_out_moves_the_generation_and_reads_unhealthy()
    {
        var set = Snapshots.Compile(TwoUpstreams);
        var source = new UpstreamTargetHealth(() => set);
        var balancer = set.FindByName("checked")!;
        var before = source.Generation;

        Assert.True(balancer.SetTargetHealth(balancer.Definition.Targets.Single(t => t.Target == "10.0.0.2:80").Id, healthy: false));

        Assert.NotEqual(before, source.Generation);
        Assert.Equal("UNHEALTHY", source.Read().Single(h => h.Target == "10.0.0.2:80").Health);
        Assert.Equal("HEALTHY", source.Read().Single(h => h.Target == "10.0.0.1:80").Health);
    }

    [Fact]
    public void The_heartbeat_carries_target_health_only_when_there_is_some_to_send()
    {
        var report = new StatusReport(Guid.NewGuid(), "dp-1", "0.1.0", 3, "c", "s", new Dictionary<string, string>(), []);
        var withHealth = report with { TargetHealth = [new TargetHealthEntry(Guid.NewGuid(), "up", "10.0.0.1:80", "DNS_ERROR")] };

        using var without = JsonDocument.Parse(JsonSerializer.Serialize(report));
        using var with = JsonDocument.Parse(JsonSerializer.Serialize(withHealth));

        Assert.False(without.RootElement.TryGetProperty("target_health", out _));
        var entry = with.RootElement.GetProperty("target_health")[0];
        Assert.Equal(("up", "10.0.0.1:80", "DNS_ERROR"), (entry.GetProperty("upstream").GetString(), entry.GetProperty("target").GetString(), entry.GetProperty("health").GetString()));
        Assert.True(entry.TryGetProperty("upstream_id", out _));
    }
}
