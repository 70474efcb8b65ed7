using KonnectES.DataPlane.Balancing;
using Microsoft.AspNetCore.Http;

namespace KonnectES.DataPlane.Tests.Balancing;

public sealed class RetryingOnAnotherTarget
{
    private static readonly (string, int)[] Targets = [("10.0.0.1:80", 100), ("10.0.0.2:80", 100), ("10.0.0.3:80", 100)];

    [Theory]
    [InlineData("algorithm: round-robin")]
    [InlineData("algorithm: least-connections")]
    [InlineData("algorithm: latency")]
    [InlineData("hash_on: header\nhash_on_header: x-user")]
    public void A_retry_skips_the_targets_already_tried(string fields)
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream(fields, Targets));
        var request = new BalancerRequest { Headers = new HeaderDictionary { ["x-user"] = "alice" } };
        var tried = new List<TargetSelection>();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            tried.Add(balancer.Select(request with { Tried = [.. tried] })!);
        }

        Assert.Equal(3, tried.Select(t => t.Target).Distinct().Count());
    }

    [Fact]
    public void When_every_target_was_tried_a_retry_starts_over_rather_than_failing()
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream("", Targets[..1]));
        using var first = balancer.Select(new BalancerRequest())!;

        using var retry = balancer.Select(new BalancerRequest { Tried = [first] });

        Assert.Equal(first.Target, retry?.Target);
    }
}
