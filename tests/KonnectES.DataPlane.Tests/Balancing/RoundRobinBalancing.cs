using KonnectES.DataPlane.Balancing;

namespace KonnectES.DataPlane.Tests.Balancing;

public sealed class RoundRobinBalancing
{
    private static Dictionary<string, int> Distribution(Balancer balancer, int selections)
    {
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < selections; i++)
        {
            using var selection = balancer.Select(new BalancerRequest())!;
            counts[selection.Target] = counts.GetValueOrDefault(selection.Target) + 1;
        }

        return counts;
    }

    [Fact]
    public void Shares_follow_the_weights_within_ten_percent_over_a_thousand_selections()
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream("", ("10.0.0.1:80", 100), ("10.0.0.2:80", 50), ("10.0.0.3:80", 25)));

        var counts = Distribution(balancer, 1000);

        Assert.InRange(counts["10.0.0.1:80"], 1000 * 100 / 175 * 0.9, 1000 * 100 / 175 * 1.1);
        Assert.InRange(counts["10.0.0.2:80"], 1000 * 50 / 175 * 0.9, 1000 * 50 / 175 * 1.1);
        Assert.InRange(counts["10.0.0.3:80"], 1000 * 25 / 175 * 0.9, 1000 * 25 / 175 * 1.1);
    }

    [Fact]
    public void Weights_100_100_200_share_one_to_one_to_two_over_every_turn_of_the_wheel()
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream("", ("10.0.0.1:80", 100), ("10.0.0.2:80", 100), ("10.0.0.3:80", 200)));

        for (var turn = 0; turn < 5; turn++)
        {
            var counts = Distribution(balancer, 4);
            Assert.Equal(1, counts["10.0.0.1:80"]);
            Assert.Equal(1, counts["10.0.0.2:80"]);
            Assert.Equal(2, counts["10.0.0.3:80"]);
        }
    }

    [Fact]
    public void The_wheel_holds_each_address_its_weight_divided_by_the_greatest_common_divisor()
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream("", ("10.0.0.1:80", 100), ("10.0.0.2:80", 50), ("10.0.0.3:80", 25)));

        Assert.Equal(7, Assert.IsType<RoundRobinAlgorithm>(balancer.Layout.Algorithm).WheelSize);
    }

    [Fact]
    public void Concurrent_selections_keep_the_proportions()
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream("", ("10.0.0.1:80", 300), ("10.0.0.2:80", 100)));
        var first = 0;

        Parallel.For(0, 8000, _ =>
        {
            using var selection = balancer.Select(new BalancerRequest())!;
            if (selection.Target == "10.0.0.1:80")
            {
                Interlocked.Increment(ref first);
            }
        });

        Assert.InRange(first, 6000 * 0.95, 6000 * 1.05);
    }

    [Fact]
    public void A_target_with_weight_zero_never_receives_traffic()
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream("", ("10.0.0.1:80", 100), ("10.0.0.2:80", 0)));

        var counts = Distribution(balancer, 100);

        Assert.Equal(100, counts["10.0.0.1:80"]);
        Assert.False(counts.ContainsKey("10.0.0.2:80"));
    }

    [Fact]
    public void An_upstream_whose_targets_all_weigh_zero_has_no_peer()
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream("", ("10.0.0.1:80", 0)));

        Assert.Null(balancer.Select(new BalancerRequest()));
        Assert.False(balancer.IsHealthy());
    }

    [Fact]
    public void A_target_without_port_gets_kongs_default_port_8000()
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream("", ("10.0.0.1", 100)));

        using var selection = balancer.Select(new BalancerRequest())!;

        Assert.Equal("10.0.0.1", selection.Host);
        Assert.Equal(8000, selection.Port);
        Assert.Equal("10.0.0.1", selection.HostName);
    }
}
