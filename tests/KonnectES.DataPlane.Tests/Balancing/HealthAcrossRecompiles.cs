using KonnectES.DataPlane.Balancing;

namespace KonnectES.DataPlane.Tests.Balancing;

public sealed class HealthAcrossRecompiles
{
    private const string Checks = "healthchecks:\n  passive:\n    unhealthy:\n      http_failures: 1";

    private static readonly (string, int)[] Targets = [("10.0.0.1:80", 100), ("10.0.0.2:80", 100)];

    private static void TakeDown(UpstreamSet set, string target) =>
        set.Balancers.Single().Addresses.Single(a => a.Target.Target == target).Health.Set(healthy: false);

    private static TargetHealthStatus HealthOf(UpstreamSet set, string target) =>
        set.HealthReport().Single(t => t.Target == target).Health;

    [Fact]
    public void An_unhealthy_target_stays_unhealthy_after_a_recompile()
    {
        var yaml = Snapshots.Upstream(Checks, Targets);
        var before = Snapshots.Compile(yaml);
        TakeDown(before, "10.0.0.2:80");

        var after = Snapshots.Compile(yaml, before);

        Assert.Equal(TargetHealthStatus.Unhealthy, HealthOf(after, "10.0.0.2:80"));
        Assert.All(Enumerable.Range(0, 10), _ =>
        {
            using var selection = after.Balancers.Single().Select(new BalancerRequest())!;
            Assert.Equal("10.0.0.1:80", selection.Target);
        });
    }

    [Fact]
    public void Health_is_kept_when_the_upstream_or_the_targets_weight_changes()
    {
        var before = Snapshots.Compile(Snapshots.Upstream(Checks, Targets));
        TakeDown(before, "10.0.0.2:80");

        var after = Snapshots.Compile(Snapshots.Upstream(Checks + "\nalgorithm: least-connections", ("10.0.0.1:80", 100), ("10.0.0.2:80", 40)), before);

        Assert.Equal(TargetHealthStatus.Unhealthy, HealthOf(after, "10.0.0.2:80"));
    }

    [Fact]
    public void A_target_removed_and_soon_re_added_resumes_its_health()
    {
        var before = Snapshots.Compile(Snapshots.Upstream(Checks, Targets));
        TakeDown(before, "10.0.0.2:80");

        var without = Snapshots.Compile(Snapshots.Upstream(Checks, Targets[..1]), before);
        var again = Snapshots.Compile(Snapshots.Upstream(Checks, Targets), without);

        Assert.Equal(TargetHealthStatus.Unhealthy, HealthOf(again, "10.0.0.2:80"));
    }

    [Fact]
    public void A_target_removed_for_longer_than_the_retention_comes_back_healthy()
    {
        var clock = new ManualClock();
        var options = new BalancingOptions { Time = clock, HealthRetention = TimeSpan.FromSeconds(300) };
        var before = Snapshots.Compile(Snapshots.Upstream(Checks, Targets), options: options);
        TakeDown(before, "10.0.0.2:80");

        var without = Snapshots.Compile(Snapshots.Upstream(Checks, Targets[..1]), before);
        clock.Advance(TimeSpan.FromSeconds(301));
        var swept = Snapshots.Compile(Snapshots.Upstream(Checks, Targets[..1]), without);
        var again = Snapshots.Compile(Snapshots.Upstream(Checks, Targets), swept);

        Assert.Equal(TargetHealthStatus.Healthy, HealthOf(again, "10.0.0.2:80"));
    }

    [Fact]
    public void A_request_leased_before_a_recompile_is_still_counted_after_it()
    {
        var yaml = Snapshots.Upstream("algorithm: least-connections", Targets);
        var before = Snapshots.Compile(yaml);
        using var held = before.Balancers.Single().Select(new BalancerRequest())!;

        var after = Snapshots.Compile(yaml, before);
        using var next = after.Balancers.Single().Select(new BalancerRequest())!;

        Assert.NotEqual(held.Target, next.Target);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
