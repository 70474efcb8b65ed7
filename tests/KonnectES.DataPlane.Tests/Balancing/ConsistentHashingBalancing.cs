using KonnectES.DataPlane.Balancing;
using Microsoft.AspNetCore.Http;

namespace KonnectES.DataPlane.Tests.Balancing;

public sealed class ConsistentHashingBalancing
{
    private const string HashOnUser = "hash_on: header\nhash_on_header: x-user\nhash_fallback: ip";

    private static readonly (string, int)[] FourTargets = [("10.0.0.1:80", 100), ("10.0.0.2:80", 100), ("10.0.0.3:80", 100), ("10.0.0.4:80", 100)];

    private static BalancerRequest User(string user) => new() { Headers = new HeaderDictionary { ["x-user"] = user }, ClientIp = "192.0.2.1" };

    private static Dictionary<string, string> Placement(Balancer balancer, int keys) =>
        Enumerable.Range(0, keys).ToDictionary(i => $"user-{i}", i =>
        {
            using var selection = balancer.Select(User($"user-{i}"))!;
            return selection.Target;
        });

    [Fact]
    public void The_same_key_always_reaches_the_same_target()
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream(HashOnUser, FourTargets));

        var first = Placement(balancer, 200);
        var second = Placement(balancer, 200);

        Assert.Equal(first, second);
        Assert.Equal(4, first.Values.Distinct().Count());
    }

    [Fact]
    public void The_placement_survives_a_recompile_of_the_same_configuration()
    {
        var yaml = Snapshots.Upstream(HashOnUser, FourTargets);
        var set = Snapshots.Compile(yaml);

        var recompiled = Snapshots.Compile(yaml, set);

        Assert.Equal(Placement(set.Balancers.Single(), 200), Placement(recompiled.Balancers.Single(), 200));
    }

    [Fact]
    public void Adding_a_fifth_target_moves_about_a_fifth_of_the_keys_and_only_to_the_new_target()
    {
        var before = Placement(Snapshots.Balancer(Snapshots.Upstream(HashOnUser, FourTargets)), 2000);

        var after = Placement(Snapshots.Balancer(Snapshots.Upstream(HashOnUser, [.. FourTargets, ("10.0.0.5:80", 100)])), 2000);

        var moved = before.Keys.Where(k => before[k] != after[k]).ToList();
        Assert.InRange(moved.Count / 2000.0, 0.12, 0.28);
        Assert.All(moved, k => Assert.Equal("10.0.0.5:80", after[k]));
    }

    [Fact]
    public void Removing_a_target_moves_only_the_keys_that_pointed_at_it()
    {
        var before = Placement(Snapshots.Balancer(Snapshots.Upstream(HashOnUser, FourTargets)), 1000);

        var after = Placement(Snapshots.Balancer(Snapshots.Upstream(HashOnUser, FourTargets[..3])), 1000);

        Assert.All(before.Keys.Where(k => before[k] != after[k]), k => Assert.Equal("10.0.0.4:80", before[k]));
        Assert.DoesNotContain("10.0.0.4:80", after.Values);
    }

    [Fact]
    public void An_unhealthy_target_keeps_its_points_so_only_its_own_keys_move_and_come_back()
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream(HashOnUser + "\nhealthchecks:\n  passive:\n    unhealthy:\n      http_failures: 1", FourTargets));
        var before = Placement(balancer, 500);
        var down = balancer.Addresses.Single(a => a.Target.Target == "10.0.0.2:80");

        down.Health.Set(healthy: false);
        var during = Placement(balancer, 500);
        down.Health.Set(healthy: true);

        Assert.All(before.Keys.Where(k => before[k] != during[k]), k => Assert.Equal("10.0.0.2:80", before[k]));
        Assert.DoesNotContain("10.0.0.2:80", during.Values);
        Assert.Equal(before, Placement(balancer, 500));
    }

    [Fact]
    public void Shares_follow_the_weights()
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream(HashOnUser, ("10.0.0.1:80", 300), ("10.0.0.2:80", 100)));

        var placement = Placement(balancer, 4000);

        Assert.InRange(placement.Values.Count(t => t == "10.0.0.1:80") / 4000.0, 0.65, 0.85);
    }

    [Fact]
    public void Slots_below_a_thousand_give_kongs_minimum_continuum_of_a_thousand_points()
    {
        var small = Snapshots.Balancer(Snapshots.Upstream(HashOnUser + "\nslots: 100", FourTargets));
        var large = Snapshots.Balancer(Snapshots.Upstream(HashOnUser + "\nslots: 20000", FourTargets));

        Assert.Equal(1000, Assert.IsType<ConsistentHashingAlgorithm>(small.Layout.Algorithm).Points);
        Assert.Equal(20000, Assert.IsType<ConsistentHashingAlgorithm>(large.Layout.Algorithm).Points);
    }

    [Theory]
    [InlineData(10, 10, 160, 160)]
    [InlineData(25, 10, 228, 91)]
    [InlineData(100, 0, 320, 0)]
    public void Each_address_takes_its_share_of_160_points_per_target(int firstWeight, int secondWeight, int firstPoints, int secondPoints)
    {
        var balancer = Snapshots.Balancer(Snapshots.Upstream("hash_on: ip\nslots: 1000", ("10.0.0.1:80", firstWeight), ("10.0.0.2:80", secondWeight)));

        var points = Assert.IsType<ConsistentHashingAlgorithm>(balancer.Layout.Algorithm).PointCounts();

        Assert.Equal(firstPoints, points.GetValueOrDefault("10.0.0.1:80"));
        Assert.Equal(secondPoints, points.GetValueOrDefault("10.0.0.2:80"));
    }

    [Fact]
    public void XxHash32_matches_the_reference_vectors()
    {
        Assert.Equal(0x02CC5D05U, XxHash32.Hash([]));
        Assert.Equal(0x550D7456U, XxHash32.Hash("a"u8));
        Assert.Equal(0x32D153FFU, XxHash32.Hash("abc"u8));
        Assert.Equal(0xE2293B2FU, XxHash32.Hash("Nobody inspects the spammish repetition"u8));
    }
}
