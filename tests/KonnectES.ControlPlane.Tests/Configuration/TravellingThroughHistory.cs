using KonnectES.Projections.AuditLog;

namespace KonnectES.ControlPlane.Tests.Configuration;

public sealed class TravellingThroughHistory(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private ConfigHost _host = null!;

    public async Task InitializeAsync() => _host = await ConfigHost.StartAsync(database, checkpointEvery: 3);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(Guid Cp, Service Service, Route Route)> ControlPlaneWithAServiceAndARouteAsync(string name)
    {
        var cp = await _host.CreateControlPlaneAsync(name);                                              // v1
        var service = new Service { Id = Guid.NewGuid(), Name = "orders", Host = "orders.internal" };
        var route = new Route { Id = Guid.NewGuid(), Name = "orders", Paths = ["/orders"], ServiceId = service.Id };
        await _host.RunAsync(cp, new CreateService(service));                                            // v2
        await _host.RunAsync(cp, new CreateRoute(route));                                                // v3
        await _host.RunAsync(cp, new UpdateRoute(route with { Paths = ["/orders", "/v2/orders"] }));       // v4
        await _host.RunAsync(cp, new CreateConsumer(new Consumer { Id = Guid.NewGuid(), Username = "eve" })); // v5
        return (cp, service, route);
    }

    [Fact]
    public async Task The_config_at_a_version_is_the_fold_of_the_events_up_to_it()
    {
        var (cp, _, route) = await ControlPlaneWithAServiceAndARouteAsync("history-1");

        var atThree = await _host.History.GetConfigAtAsync(cp, 3);
        var atFour = await _host.History.GetConfigAtAsync(cp, 4);

        Assert.Equal(["/orders"], atThree!.Find<Route>(route.Id)!.Paths.ToArray());
        Assert.Equal(["/orders", "/v2/orders"], atFour!.Find<Route>(route.Id)!.Paths.ToArray());
        Assert.Empty(atFour.Consumers);
        Assert.Equal(0, (await _host.History.GetConfigAtAsync(cp, 0))!.Count);
        Assert.Null(await _host.History.GetConfigAtAsync(cp, 99));
    }

    [Fact]
    public async Task The_config_at_a_time_is_the_config_of_the_last_version_appended_by_then()
    {
        var (cp, _, route) = await ControlPlaneWithAServiceAndARouteAsync("history-2");
        var entries = await _host.AuditLog.ReadAsync(new AuditLogQuery(cp));
        var third = entries.Single(e => e.Version == 3).OccurredAt;

        var atThird = await _host.History.GetConfigAtTimeAsync(cp, third);
        var before = await _host.History.GetConfigAtTimeAsync(cp, entries.Single(e => e.Version == 1).OccurredAt.AddSeconds(-1));
        var now = await _host.History.GetConfigAtTimeAsync(cp, DateTimeOffset.UtcNow.AddMinutes(1));

        Assert.Equal(3, atThird.Version);
        Assert.Equal(["/orders"], atThird.Find<Route>(route.Id)!.Paths.ToArray());
        Assert.Equal(0, before.Version);
        Assert.Equal(5, now.Version);
    }

    [Fact]
    public async Task The_diff_between_two_versions_lists_each_entity_with_before_and_after()
    {
        var (cp, service, route) = await ControlPlaneWithAServiceAndARouteAsync("history-3");

        var diff = await _host.History.DiffAsync(cp, 2, 5);
        var toCurrent = await _host.History.DiffAsync(cp, 3);

        Assert.Equal((2, 5), (diff!.FromVersion, diff.ToVersion));
        Assert.Equal([EntityType.Route, EntityType.Consumer], diff.Changes.Select(c => c.EntityType));
        Assert.All(diff.Changes, c => Assert.Equal(ChangeKind.Created, c.Change));
        var updated = Assert.Single(toCurrent!.Changes, c => c.EntityId == route.Id);
        Assert.Equal(ChangeKind.Updated, updated.Change);
        Assert.Equal(["/orders"], ((Route)updated.Before!).Paths.ToArray());
        Assert.Equal(["/orders", "/v2/orders"], ((Route)updated.After!).Paths.ToArray());
        Assert.DoesNotContain(toCurrent.Changes, c => c.EntityId == service.Id);
    }

    [Fact]
    public async Task Rolling_back_appends_one_audited_event_that_restores_the_hash_and_can_itself_be_rolled_back()
    {
        var (cp, _, route) = await ControlPlaneWithAServiceAndARouteAsync("history-4");
        var atThree = await _host.History.GetConfigAtAsync(cp, 3);
        var beforeRollback = await _host.Handler.GetCurrentAsync(cp);

        var rollback = await _host.History.RollBackAsync(cp, 3, new CommandContext("carol") { Reason = "bad paths", ExpectedVersion = 5 });

        Assert.True(rollback.IsSuccess, string.Join("; ", rollback.Errors));
        Assert.Equal(6, rollback.Version);
        Assert.IsType<ConfigRolledBack>(Assert.Single(rollback.Events));
        Assert.Equal(atThree!.Hash, rollback.Hash);
        Assert.Empty((await _host.History.DiffAsync(cp, 3, 6))!.Changes);
        var audit = (await _host.AuditLog.ReadAsync(new AuditLogQuery(cp) { First = 1 })).Single();
        Assert.Equal(("config_rolled_back", "carol", "bad paths", 2), (audit.EventType, audit.Actor, audit.Reason, audit.ChangeCount));
        Assert.Contains(audit.Version, (await _host.AuditLog.ReadAsync(new AuditLogQuery(cp) { EntityId = route.Id })).Select(e => e.Version));

        var undo = await _host.History.RollBackAsync(cp, 5, new CommandContext("carol") { Reason = "undo" });

        Assert.Equal(7, undo.Version);
        Assert.Equal(beforeRollback.Hash, undo.Hash);
        Assert.Equal((await _host.Snapshots.GetHeadAsync(cp))!.Value.Hash, undo.Hash);
    }

    [Fact]
    public async Task A_rollback_with_a_stale_expected_version_or_an_unknown_version_changes_nothing()
    {
        var (cp, _, _) = await ControlPlaneWithAServiceAndARouteAsync("history-5");

        var stale = await _host.History.RollBackAsync(cp, 2, new CommandContext("dave") { ExpectedVersion = 4 });
        var unknown = await _host.History.RollBackAsync(cp, 42, new CommandContext("dave"));

        Assert.Equal(CommandResult.VersionConflict, Assert.Single(stale.Errors).Code);
        Assert.Equal(DomainError.Validation, Assert.Single(unknown.Errors).Code);
        Assert.Equal(5, await _host.Store.GetStreamVersionAsync(cp));
    }

    [Fact]
    public async Task An_import_is_one_atomic_append_and_the_history_shows_each_changed_entity()
    {
        var cp = await _host.CreateControlPlaneAsync("history-6");
        const string file = """
            _format_version: "3.0"
            services:
            - name: billing
              url: http://billing.internal:8080
              routes:
              - name: billing
                paths: [/billing]
            consumers:
            - username: frank
              keyauth_credentials:
              - key: frank-secret-key
            """;

        var result = await _host.RunAsync(cp, new ImportConfig(file, ConfigFormat.Yaml, ImportMode.Merge), actor: "ci");
        var broken = await _host.Handler.HandleAsync(cp, new ImportConfig(file.Replace("/billing", "billing", StringComparison.Ordinal), ConfigFormat.Yaml, ImportMode.Merge), new CommandContext("ci"));

        Assert.Equal(2, result.Version);
        Assert.IsType<ConfigImported>(Assert.Single(result.Events));
        Assert.Equal(4, result.Changes.Count);
        Assert.False(broken.IsSuccess);
        Assert.Equal(2, await _host.Store.GetStreamVersionAsync(cp));
        var entry = Assert.Single(await _host.AuditLog.ReadAsync(new AuditLogQuery(cp) { Actor = "ci" }));
        Assert.Equal(4, entry.ChangeCount);
        Assert.DoesNotContain("frank-secret-key", entry.Body, StringComparison.Ordinal);
        foreach (var type in new[] { EntityType.Service, EntityType.Route, EntityType.Consumer, EntityType.Credential })
        {
            Assert.Equal(2, Assert.Single(await _host.AuditLog.ReadAsync(new AuditLogQuery(cp) { EntityType = type })).Version);
        }
    }
}
