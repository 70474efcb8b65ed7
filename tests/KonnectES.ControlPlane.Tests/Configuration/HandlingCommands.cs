namespace KonnectES.ControlPlane.Tests.Configuration;

public sealed class HandlingCommands(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private ConfigHost _host = null!;

    public async Task InitializeAsync() => _host = await ConfigHost.StartAsync(database, checkpointEvery: 4);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_command_appends_its_events_and_returns_the_new_version_hash_and_changes()
    {
        var cp = await _host.CreateControlPlaneAsync("handling-1");
        var service = new Service { Id = Guid.NewGuid(), Name = "users", Host = "users.internal" };

        var result = await _host.RunAsync(cp, new CreateService(service), reason: "new backend");

        Assert.Equal(2, result.Version);
        var created = Assert.Single(result.Changes);
        Assert.Equal((ChangeKind.Created, service.Id), (created.Change, created.EntityId));
        Assert.Equal(2, await _host.Store.GetStreamVersionAsync(cp));
        var current = await _host.Handler.GetCurrentAsync(cp);
        Assert.Equal(result.Hash, current.Hash);
        Assert.Equal(EntityHash.Of(current.Entities), result.Hash);
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_version_conflict_and_changes_nothing()
    {
        var cp = await _host.CreateControlPlaneAsync("handling-2");
        await _host.RunAsync(cp, new CreateService(new Service { Id = Guid.NewGuid(), Name = "a", Host = "a.internal" }));

        var result = await _host.Handler.HandleAsync(
            cp, new CreateService(new Service { Id = Guid.NewGuid(), Name = "b", Host = "b.internal" }), new CommandContext("bob") { ExpectedVersion = 1 });

        var error = Assert.Single(result.Errors);
        Assert.Equal(CommandResult.VersionConflict, error.Code);
        Assert.Equal(2, result.Version);
        Assert.Equal(2, await _host.Store.GetStreamVersionAsync(cp));
        Assert.Null(await _host.Entities.GetAsync(cp, EntityType.Service, Guid.Empty));
    }

    [Fact]
    public async Task The_right_expected_version_is_accepted()
    {
        var cp = await _host.CreateControlPlaneAsync("handling-3");

        var result = await _host.Handler.HandleAsync(
            cp, new CreateConsumer(new Consumer { Id = Guid.NewGuid(), Username = "ann" }), new CommandContext("bob") { ExpectedVersion = 1 });

        Assert.True(result.IsSuccess);
        Assert.Equal(2, result.Version);
    }

    [Fact]
    public async Task Domain_errors_come_back_as_values_and_change_nothing()
    {
        var cp = await _host.CreateControlPlaneAsync("handling-4");

        var invalid = await _host.Handler.HandleAsync(cp, new CreateRoute(new Route { Id = Guid.NewGuid(), Paths = ["no-slash"] }), new CommandContext("a"));
        var missing = await _host.Handler.HandleAsync(cp, new DeleteService(Guid.NewGuid()), new CommandContext("a"));
        var unknownControlPlane = await _host.Handler.HandleAsync(Guid.NewGuid(), new DeleteService(Guid.NewGuid()), new CommandContext("a"));

        Assert.Contains(invalid.Errors, e => e.Code == DomainError.Validation);
        Assert.Equal(DomainError.NotFound, Assert.Single(missing.Errors).Code);
        Assert.Equal(DomainError.NotFound, Assert.Single(unknownControlPlane.Errors).Code);
        Assert.Equal(1, await _host.Store.GetStreamVersionAsync(cp));
    }

    [Fact]
    public async Task A_command_that_changes_nothing_appends_nothing()
    {
        var cp = await _host.CreateControlPlaneAsync("handling-5");
        var service = new Service { Id = Guid.NewGuid(), Name = "same", Host = "same.internal" };
        await _host.RunAsync(cp, new CreateService(service));

        var result = await _host.RunAsync(cp, new UpdateService(service));

        Assert.Empty(result.Events);
        Assert.Equal(2, await _host.Store.GetStreamVersionAsync(cp));
    }

    [Fact]
    public async Task Control_plane_names_are_unique_even_when_created_concurrently()
    {
        var attempts = Enumerable.Range(0, 6).Select(_ => Task.Run(() => _host.Handler.HandleAsync(
            Guid.NewGuid(), new CreateControlPlane(new Domain.ControlPlane { Name = "contested" }), new CommandContext("a")))).ToList();

        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(DomainError.Conflict, Assert.Single(r.Errors).Code));
        Assert.NotNull(await _host.ControlPlanes.GetByNameAsync("contested"));
    }

    [Fact]
    public async Task Two_handlers_racing_with_the_same_expected_version_never_both_win()
    {
        var cp = await _host.CreateControlPlaneAsync("handling-6");
        await using var other = await ConfigHost.StartAsync(database);
        for (var round = 0; round < 5; round++)
        {
            var version = await _host.Store.GetStreamVersionAsync(cp);
            var context = new CommandContext("racer") { ExpectedVersion = version };
            var a = _host.Handler.HandleAsync(cp, new CreateConsumer(new Consumer { Id = Guid.NewGuid(), Username = $"a{round}" }), context);
            var b = other.Handler.HandleAsync(cp, new CreateConsumer(new Consumer { Id = Guid.NewGuid(), Username = $"b{round}" }), context);

            var results = await Task.WhenAll(a, b);

            Assert.Single(results, r => r.IsSuccess);
            Assert.Equal(CommandResult.VersionConflict, Assert.Single(results, r => !r.IsSuccess).Errors.Single().Code);
            Assert.Equal(version + 1, await _host.Store.GetStreamVersionAsync(cp));
        }
    }

    [Fact]
    public async Task Racing_handlers_without_expected_version_both_succeed_one_after_the_other()
    {
        var cp = await _host.CreateControlPlaneAsync("handling-7");
        await using var other = await ConfigHost.StartAsync(database);
        await other.Handler.GetCurrentAsync(cp);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? _host : other).Handler.HandleAsync(cp, new CreateConsumer(new Consumer { Id = Guid.NewGuid(), Username = $"c{i}" }), new CommandContext("x"))));

        Assert.All(results, r => Assert.True(r.IsSuccess, string.Join("; ", r.Errors)));
        Assert.Equal(Enumerable.Range(2, 8).Select(v => (long)v), results.Select(r => r.Version).Order());
        var fromScratch = ControlPlaneConfig.Fold(cp, await _host.Store.ReadStreamAsync(cp).Select(e => (IConfigEvent)e.Data).ToListAsync());
        Assert.Equal(fromScratch.Hash, (await other.Handler.GetCurrentAsync(cp)).Hash);
        Assert.Equal(fromScratch.Hash, (await _host.Handler.GetCurrentAsync(cp)).Hash);
    }

    [Fact]
    public async Task A_cold_handler_starts_from_the_latest_checkpoint_and_reads_only_the_tail()
    {
        var cp = await _host.CreateControlPlaneAsync("handling-8");
        for (var i = 0; i < 10; i++)
        {
            await _host.RunAsync(cp, new CreateConsumer(new Consumer { Id = Guid.NewGuid(), Username = $"u{i}" }));
        }

        await _host.Checkpoints.WhenWrittenAsync();
        await using var cold = await ConfigHost.StartAsync(database, checkpointEvery: 4);

        var checkpoint = await cold.Checkpoints.LoadAsync(cp, long.MaxValue, CancellationToken.None);
        var state = await cold.Handler.GetCurrentAsync(cp);

        Assert.Equal(8, checkpoint!.Version);
        Assert.Equal(11, state.Version);
        Assert.Equal((await _host.Handler.GetCurrentAsync(cp)).Hash, state.Hash);
        Assert.Equal(PlainReducer.Of(await _host.Handler.GetCurrentAsync(cp)), PlainReducer.Of(state));
    }
}
