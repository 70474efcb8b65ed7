using KonnectES.DataPlane.Balancing;

namespace KonnectES.DataPlane.Tests.Balancing;

public sealed class LeastConnectionsBalancing
{
    private const string Algorithm = "algorithm: least-connections";

    [Fact]
    public void The_least_loaded_target_is_preferred()
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream(Algorithm, ("10.0.0.1:80", 100), ("10.0.0.2:80", 100)));
        var held = Enumerable.Range(0, 4).Select(_ => balancer.Select(new BalancerRequest())!).ToList();
        Assert.Equal(2, held.Count(s => s.Target == "10.0.0.1:80"));

        foreach (var selection in held.Where(s => s.Target == "10.0.0.1:80"))
        {
            selection.Dispose();
        }

        using var next = balancer.Select(new BalancerRequest())!;
        using var after = balancer.Select(new BalancerRequest())!;
        Assert.Equal("10.0.0.1:80", next.Target);
        Assert.Equal("10.0.0.1:80", after.Target);
    }

    [Fact]
    public void Active_requests_are_spread_in_proportion_to_the_weights()
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream(Algorithm, ("10.0.0.1:80", 200), ("10.0.0.2:80", 100)));

        var held = Enumerable.Range(0, 30).Select(_ => balancer.Select(new BalancerRequest())!).ToList();

        Assert.Equal(20, held.Count(s => s.Target == "10.0.0.1:80"));
        Assert.Equal(10, held.Count(s => s.Target == "10.0.0.2:80"));
    }

    [Fact]
    public void With_no_load_the_heaviest_target_goes_first()
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream(Algorithm, ("10.0.0.1:80", 10), ("10.0.0.2:80", 100)));

        using var selection = balancer.Select(new BalancerRequest())!;

        Assert.Equal("10.0.0.2:80", selection.Target);
    }

    [Fact]
    public void Disposing_a_lease_twice_releases_it_once()
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream(Algorithm, ("10.0.0.1:80", 100)));
        using var kept = balancer.Select(new BalancerRequest())!;
        var released = balancer.Select(new BalancerRequest())!;

        released.Dispose();
        released.Dispose();

        Assert.Equal(1, kept.Address.Health.Connections);
    }
}
