namespace KonnectES.Domain.Tests.Commands;

public sealed class DecidingCommands
{
    [Fact]
    public void Commands_on_a_control_plane_that_was_never_created_are_not_found()
    {
        var error = Assert.Single(Given.Errors(ControlPlaneConfig.Empty(Guid.NewGuid()), new CreateService(Given.Service())));

        Assert.Equal(DomainError.NotFound, error.Code);
    }

    [Fact]
    public void Creating_the_control_plane_twice_is_a_conflict() =>
        Assert.Equal(DomainError.Conflict, Assert.Single(Given.Errors(Given.EmptyControlPlane(), new CreateControlPlane(new ControlPlane { Name = "x" }))).Code);

    [Fact]
    public void Each_event_increments_the_version()
    {
        var state = Given.ControlPlaneWithOneService();

        Assert.Equal(5, state.Version);
    }

    [Fact]
    public void An_update_carries_the_full_new_state_of_the_entity()
    {
        var state = Given.ControlPlaneWithOneService();
        var route = state.Find<Route>(Given.Route("r1").Id)! with { Paths = ["/v2"], StripPath = false };

        var updated = Assert.IsType<RouteUpdated>(Assert.Single(Given.Events(state, new UpdateRoute(route)))).Route;

        Assert.Equal(["/v2"], updated.Paths.ToArray());
        Assert.Equal((false, "r1", (Guid?)Given.Service().Id), (updated.StripPath, updated.Name, updated.ServiceId));
    }

    [Fact]
    public void An_update_that_changes_nothing_emits_no_event()
    {
        var state = Given.ControlPlaneWithOneService();

        Assert.Empty(Given.Events(state, new UpdateService(state.Find<Service>(Given.Service().Id)!)));
    }

    [Fact]
    public void Creating_an_entity_without_id_is_rejected() =>
        Assert.Equal("id", Assert.Single(Given.Errors(Given.EmptyControlPlane(), new CreateService(Given.Service() with { Id = Guid.Empty }))).Path);

    [Fact]
    public void Creating_an_entity_with_an_id_in_use_is_a_conflict()
    {
        var state = Given.ControlPlaneWithOneService();

        Assert.Equal(DomainError.Conflict, Assert.Single(Given.Errors(state, new CreateConsumer(new Consumer { Id = Given.Service().Id, Username = "x" }))).Code);
    }

    [Fact]
    public void Updating_and_deleting_the_control_plane_are_events_of_its_stream()
    {
        var state = Given.Apply(Given.ControlPlaneWithOneService(), new UpdateControlPlane(new ControlPlane { Name = "prod", Description = "main" }));
        Assert.Equal(("prod", "main", Given.ControlPlaneId), (state.ControlPlane!.Name, state.ControlPlane.Description, state.ControlPlane.Id));

        var deleted = Given.Apply(state, new DeleteControlPlane());

        Assert.Null(deleted.ControlPlane);
        Assert.Equal(0, deleted.Count);
    }

    [Fact]
    public void Name_indexes_follow_renames()
    {
        var state = Given.ControlPlaneWithOneService();
        var renamed = Given.Apply(state, new UpdateService(state.Find<Service>(Given.Service().Id)! with { Name = "svc2" }));

        Assert.Null(renamed.FindServiceByName("svc"));
        Assert.Equal(Given.Service().Id, renamed.FindServiceByName("svc2")!.Id);
        Verdict.Accepted(renamed, new CreateService(Given.Service("svc") with { Id = Guid.NewGuid() }));
    }
}
