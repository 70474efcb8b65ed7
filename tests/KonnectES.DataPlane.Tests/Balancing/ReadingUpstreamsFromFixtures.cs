using KonnectES.DataPlane.Balancing;

namespace KonnectES.DataPlane.Tests.Balancing;

public sealed class ReadingUpstreamsFromFixtures
{
    [Fact]
    public void Hashing_and_health_check_settings_come_through_from_an_ingress_controller_configuration()
    {
        var set = UpstreamSet.Compile(Snapshots.FromFixture("kic-upstreampolicy-ingress.yaml"), null);

        var hashing = set.Balancers.Where(b => b.Definition.Algorithm == "consistent-hashing").ToList();

        Assert.NotEmpty(hashing);
        Assert.Contains(hashing, b => b.Definition.HashOn.Kind == "header" && b.Definition.HashOn.Name is not null && b.Definition.HashFallback.Kind == "consumer");
        Assert.All(hashing, b => Assert.IsType<ConsistentHashingAlgorithm>(b.Layout.Algorithm));
        Assert.Contains(set.Balancers, b => b.Definition.UsesActiveChecks);
    }

    [Fact]
    public void A_large_configuration_compiles_one_balancer_per_upstream_with_every_target()
    {
        var snapshot = Snapshots.FromFixture("kong-spec-burst.yml");

        var set = UpstreamSet.Compile(snapshot, null);

        Assert.Equal(snapshot.GetProperty("upstreams").GetArrayLength(), set.Balancers.Length);
        Assert.Equal(snapshot.GetProperty("targets").GetArrayLength(), set.Balancers.Sum(b => b.Definition.Targets.Length));
        Assert.All(set.Balancers, b => Assert.Same(b, set.FindByName(b.Name)));
    }
}
