using KonnectES.DataPlane.Balancing;

namespace KonnectES.DataPlane.Tests.Balancing;

public sealed class LatencyBalancing
{
    [Fact]
    public void The_faster_target_gets_most_of_the_traffic()
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream("algorithm: latency", ("10.0.0.1:80", 100), ("10.0.0.2:80", 100)));
        var counts = new Dictionary<string, int>();

        for (var i = 0; i < 400; i++)
        {
            using var selection = balancer.Select(new BalancerRequest())!;
            counts[selection.Target] = counts.GetValueOrDefault(selection.Target) + 1;
            var elapsed = selection.Target == "10.0.0.1:80" ? TimeSpan.FromMilliseconds(5) : TimeSpan.FromMilliseconds(200);
            balancer.ReportResult(selection, PeerResult.Response(200, elapsed));
        }

        Assert.True(counts["10.0.0.1:80"] > 300, $"fast target got {counts["10.0.0.1:80"]} of 400");
    }

    [Fact]
    public void A_new_target_starts_at_the_average_latency_of_the_others()
    {
        var first = Snapshots.Compile(Snapshots.Upstream("algorithm: latency", ("10.0.0.1:80", 100), ("10.0.0.2:80", 100)));
        var balancer = first.Balancers.Single();
        foreach (var (target, ms) in new[] { ("10.0.0.1:80", 100), ("10.0.0.2:80", 300) })
        {
            var address = balancer.Addresses.Single(a => a.Target.Target == target);
            address.Health.Ewma(DateTimeOffset.UtcNow.UtcTicks, ms / 1000.0, update: true);
        }

        var grown = Snapshots.Compile(Snapshots.Upstream("algorithm: latency", ("10.0.0.1:80", 100), ("10.0.0.2:80", 100), ("10.0.0.3:80", 100)), first);

        var added = grown.Balancers.Single().Addresses.Single(a => a.Target.Target == "10.0.0.3:80");
        Assert.True(added.Health.HasEwma);
        Assert.InRange(added.Health.Ewma(DateTimeOffset.UtcNow.UtcTicks), 0.001, 0.3);
    }
}
