namespace KonnectES.Domain.Tests.Serialization;

public sealed class HashingConfigurations
{
    [Fact]
    public void The_empty_configuration_hashes_to_zero() =>
        Assert.Equal(new string('0', 64), Given.EmptyControlPlane().Hash.ToString());

    [Fact]
    public void The_incremental_hash_equals_the_hash_computed_from_the_whole_state()
    {
        var state = Given.Apply(Given.EmptyControlPlane(), new ImportConfig(SharedFixtures.Read("kic-upstreampolicy-ingress.yaml"), ConfigFormat.Yaml, ImportMode.Merge));
        var changed = Given.Apply(state, new DeleteRoute(state.Routes.First().Id));

        Assert.Equal(EntityHash.Of(state.Entities), state.Hash);
        Assert.Equal(EntityHash.Of(changed.Entities), changed.Hash);
        Assert.NotEqual(state.Hash, changed.Hash);
    }

    [Fact]
    public void The_hash_does_not_depend_on_the_order_entities_were_added()
    {
        var a = Given.Apply(Given.EmptyControlPlane(), new CreateService(Given.Service("a")), new CreateService(Given.Service("b")));
        var b = Given.Apply(Given.EmptyControlPlane(), new CreateService(Given.Service("b")), new CreateService(Given.Service("a")));

        Assert.Equal(a.Hash, b.Hash);
    }

    [Fact]
    public void Changing_one_field_changes_the_hash_and_changing_it_back_restores_it()
    {
        var state = Given.ControlPlaneWithOneService();
        var service = state.Find<Service>(Given.Service().Id)!;

        var changed = Given.Apply(state, new UpdateService(service with { Retries = 3 }));
        var back = Given.Apply(changed, new UpdateService(service));

        Assert.NotEqual(state.Hash, changed.Hash);
        Assert.Equal(state.Hash, back.Hash);
    }

    [Fact]
    public void Adding_then_subtracting_an_entity_hash_is_the_identity()
    {
        var h = EntityHash.Of(Given.Service());
        var start = ConfigHash.Parse("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");

        Assert.Equal(start, start.Add(h).Subtract(h));
        Assert.Equal(start, ConfigHash.Parse(start.ToString()));
    }
}
