namespace KonnectES.Domain.Tests.Commands;

/// <summary>Kong's delete behaviour: restrict or cascade, and cascades as explicit events (children first).</summary>
public sealed class DeletingEntities
{
    private static readonly Guid ServiceId = Given.Service().Id;
    private static readonly Guid RouteId = Given.Route("r1").Id;
    private static readonly Guid AliceId = Given.Consumer().Id;

    [Fact]
    public void A_service_that_routes_still_use_cannot_be_deleted()
    {
        var state = Given.ControlPlaneWithOneService();

        var error = Assert.Single(Given.Errors(state, new DeleteService(ServiceId)));

        Assert.Equal(DomainError.Conflict, error.Code);
        Assert.Equal("an existing 'routes' entity references this 'services' entity", error.Message);
    }

    [Fact]
    public void Deleting_a_service_without_routes_deletes_its_plugins_first()
    {
        var state = Given.Apply(Given.ControlPlaneWithOneService(), new DeleteRoute(RouteId), new CreatePlugin(Given.Plugin("cors", serviceId: ServiceId)));

        var events = Given.Events(state, new DeleteService(ServiceId));

        Assert.Collection(events, e => Assert.IsType<PluginDeleted>(e), e => Assert.Equal(ServiceId, Assert.IsType<ServiceDeleted>(e).Service.Id));
    }

    [Fact]
    public void Deleting_a_consumer_deletes_its_credentials_memberships_and_consumer_scoped_plugins()
    {
        var group = new ConsumerGroup { Id = Given.Id("g"), Name = "gold" };
        var state = Given.Apply(Given.ControlPlaneWithOneService(),
            new CreateConsumerGroup(group), new AddConsumerToGroup(group.Id, AliceId),
            new CreateCredential(new Credential { Id = Given.Id("k"), Kind = CredentialKind.KeyAuth, ConsumerId = AliceId, Key = "alice-key" }),
            new CreateCredential(new Credential { Id = Given.Id("a"), Kind = CredentialKind.Acl, ConsumerId = AliceId, Group = "admin" }),
            new CreatePlugin(Given.Plugin("rate-limiting", """{"minute":5}""", consumerId: AliceId)));

        var events = Given.Events(state, new DeleteConsumer(AliceId));
        var after = ControlPlaneConfig.Fold(state, events);

        Assert.Equal(5, events.Count);
        Assert.IsType<ConsumerDeleted>(events[^1]);
        Assert.Single(events.OfType<ConsumerRemovedFromGroup>());
        Assert.Equal(2, events.OfType<CredentialDeleted>().Count());
        Assert.Single(events.OfType<PluginDeleted>());
        Assert.Empty(after.Credentials);
        Assert.Empty(after.ConsumerGroupMembers);
        Assert.Empty(after.Plugins);
        Assert.Single(after.ConsumerGroups);
    }

    [Fact]
    public void Deleting_an_upstream_deletes_its_targets()
    {
        var upstream = Given.Upstream();
        var state = Given.Apply(Given.ControlPlaneWithOneService(),
            new CreateTarget(new Target { Id = Given.Id("t1"), UpstreamId = upstream.Id, TargetAddress = "10.0.0.1" }),
            new CreateTarget(new Target { Id = Given.Id("t2"), UpstreamId = upstream.Id, TargetAddress = "10.0.0.2" }));

        var after = Given.Apply(state, new DeleteUpstream(upstream.Id));

        Assert.Empty(after.Targets);
        Assert.Empty(after.Upstreams);
    }

    [Fact]
    public void Deleting_a_route_deletes_its_plugins()
    {
        var state = Given.Apply(Given.ControlPlaneWithOneService(), new CreatePlugin(Given.Plugin("cors", routeId: RouteId)));

        var events = Given.Events(state, new DeleteRoute(RouteId));

        Assert.Equal([typeof(PluginDeleted), typeof(RouteDeleted)], events.Select(e => e.GetType()).ToArray());
    }

    [Fact]
    public void Deleting_a_consumer_group_removes_memberships_and_group_plugins_but_keeps_consumers()
    {
        var group = new ConsumerGroup { Id = Given.Id("g"), Name = "gold" };
        var state = Given.Apply(Given.ControlPlaneWithOneService(), new CreateConsumerGroup(group), new AddConsumerToGroup(group.Id, AliceId),
            new CreatePlugin(Given.Plugin("rate-limiting", """{"minute":5}""") with { ConsumerGroupId = group.Id }));

        var after = Given.Apply(state, new DeleteConsumerGroup(group.Id));

        Assert.Empty(after.ConsumerGroupMembers);
        Assert.Empty(after.Plugins);
        Assert.Single(after.Consumers);
    }

    [Fact]
    public void Deleting_a_certificate_deletes_its_snis_unless_a_service_uses_it_as_client_certificate()
    {
        var cert = new Certificate { Id = Given.Id("cert"), Cert = TestCertificates.Rsa.Cert, Key = TestCertificates.Rsa.Key };
        var state = Given.Apply(Given.EmptyControlPlane(), new CreateCertificate(cert),
            new CreateSni(new Sni { Id = Given.Id("sni"), Name = "a.com", CertificateId = cert.Id }));

        Assert.Empty(Given.Apply(state, new DeleteCertificate(cert.Id)).Snis);

        var used = Given.Apply(state, new CreateService(Given.Service() with { Protocol = "https", ClientCertificateId = cert.Id }));
        Assert.Equal(DomainError.Conflict, Assert.Single(Given.Errors(used, new DeleteCertificate(cert.Id))).Code);
    }

    [Theory]
    [InlineData(EntityType.Service)]
    [InlineData(EntityType.Route)]
    [InlineData(EntityType.Plugin)]
    public void Deleting_what_does_not_exist_is_not_found(EntityType type)
    {
        IConfigCommand command = type switch
        {
            EntityType.Service => new DeleteService(Guid.NewGuid()),
            EntityType.Route => new DeleteRoute(Guid.NewGuid()),
            _ => new DeletePlugin(Guid.NewGuid()),
        };

        Assert.Equal(DomainError.NotFound, Assert.Single(Given.Errors(Given.EmptyControlPlane(), command)).Code);
    }

    [Fact]
    public void Deleting_a_route_by_the_id_of_a_service_is_not_found() =>
        Assert.Equal(DomainError.NotFound, Assert.Single(Given.Errors(Given.ControlPlaneWithOneService(), new DeleteRoute(ServiceId))).Code);
}
