using KonnectES.DataPlane.Balancing;

namespace KonnectES.DataPlane.Tests.Balancing;

public sealed class UpstreamHealth
{
    private static Balancer FiveTargets(double threshold) => Snapshots.Balancer(Snapshots.Upstream(
        $"healthchecks:\n  threshold: {threshold}\n  passive:\n    unhealthy:\n      http_failures: 1",
        [.. Enumerable.Range(1, 5).Select(i => ($"10.0.0.{i}:80", 100))]));

    private static void TakeDown(Balancer balancer, int count)
    {
        foreach (var address in balancer.Addresses.Take(count))
        {
            address.Health.Set(healthy: false);
        }
    }

    [Fact]
    public void When_every_target_is_unhealthy_there_is_no_peer()
    {
        var balancer = FiveTargets(0);

        TakeDown(balancer, 5);

        Assert.False(balancer.IsHealthy());
        Assert.Null(balancer.Select(new BalancerRequest()));
    }

    [Fact]
    public void The_upstreams_own_health_is_named_as_kong_names_it()
    {
        var checkedUpstream = FiveTargets(0);
        var withoutChecks = Snapshots.Balancer(Snapshots.Upstream("", ("10.0.0.1:80", 100)));

        var before = checkedUpstream.UpstreamHealth();
        TakeDown(checkedUpstream, 5);

        Assert.Equal(TargetHealthStatus.Healthy, before);
        Assert.Equal(TargetHealthStatus.Unhealthy, checkedUpstream.UpstreamHealth());
        Assert.Equal(TargetHealthStatus.HealthchecksOff, withoutChecks.UpstreamHealth());
    }

    [Fact]
    public void With_threshold_zero_one_healthy_target_is_enough()
    {
        var balancer = FiveTargets(0);

        TakeDown(balancer, 4);

        using var selection = balancer.Select(new BalancerRequest());
        Assert.Equal(balancer.Addresses[4].Key, selection!.Address.Key);
    }

    [Fact]
    public void Above_the_threshold_the_upstream_serves_and_at_or_below_it_every_request_fails()
    {
        var balancer = FiveTargets(55);

        TakeDown(balancer, 2);
        Assert.True(balancer.IsHealthy());
        Assert.NotNull(balancer.Select(new BalancerRequest()));

        TakeDown(balancer, 3);
        Assert.False(balancer.IsHealthy());
        Assert.Null(balancer.Select(new BalancerRequest()));

        balancer.Addresses[0].Health.Set(healthy: true);
        Assert.True(balancer.IsHealthy());
    }
}
