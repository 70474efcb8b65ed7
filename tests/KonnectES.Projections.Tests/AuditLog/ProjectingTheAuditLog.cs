using KonnectES.Projections.AuditLog;

namespace KonnectES.Projections.Tests.AuditLog;

public sealed class ProjectingTheAuditLog(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private ReadModelHost _host = null!;

    public async Task InitializeAsync() => _host = await ReadModelHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Every_event_is_one_row_with_its_metadata_and_a_masked_body()
    {
        var cp = await _host.CreateControlPlaneAsync("audit-1");
        var consumer = new Consumer { Id = Guid.NewGuid(), Username = "dan" };
        var credential = new Credential { Id = Guid.NewGuid(), Kind = CredentialKind.BasicAuth, ConsumerId = consumer.Id, Username = "dan", Password = "s3cret-pw" };
        await cp.RunAsync(new CreateConsumer(consumer), actor: "ops");
        await cp.RunAsync(new CreateCredential(credential), actor: "ops", reason: "onboarding");
        await cp.RunAsync(new DeleteConsumer(consumer.Id), actor: "admin", reason: "left");

        var entries = await _host.AuditLog.ReadAsync(new AuditLogQuery(cp.Id));

        Assert.Equal(Enumerable.Range(1, 5).Select(v => (long)v).Reverse(), entries.Select(e => e.Version));
        var created = entries.Single(e => e.Version == 3);
        Assert.Equal(("credential_created", "Credential", credential.Id, "Created", "ops", "onboarding", "req-2"),
            (created.EventType, created.EntityType, created.EntityId, created.Change, created.Actor, created.Reason, created.CorrelationId));
        Assert.Contains(SecretMasking.Placeholder, created.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(entries, e => e.Body.Contains("s3cret-pw", StringComparison.Ordinal));
        Assert.Equal(["credential_deleted", "consumer_deleted"], entries.Where(e => e.Actor == "admin").Select(e => e.EventType).Reverse());
    }

    [Fact]
    public async Task History_filters_by_entity_actor_and_time_and_pages_newest_first()
    {
        var cp = await _host.CreateControlPlaneAsync("audit-2");
        var service = new Service { Id = Guid.NewGuid(), Name = "svc", Host = "svc.internal" };
        await cp.RunAsync(new CreateService(service), actor: "a");
        for (var i = 0; i < 5; i++)
        {
            await cp.RunAsync(new UpdateService(service with { Retries = i }), actor: i % 2 == 0 ? "b" : "c");
        }

        await cp.RunAsync(new ImportConfig("_format_version: \"3.0\"\nservices:\n- name: svc\n  host: svc.internal\n  retries: 9\n- name: other\n  host: o.internal\n", ConfigFormat.Yaml, ImportMode.Merge), actor: "ci");
        var all = await _host.AuditLog.ReadAsync(new AuditLogQuery(cp.Id));

        var forService = await _host.AuditLog.ReadAsync(new AuditLogQuery(cp.Id) { EntityId = service.Id });
        var byB = await _host.AuditLog.ReadAsync(new AuditLogQuery(cp.Id) { Actor = "b" });
        var services = await _host.AuditLog.ReadAsync(new AuditLogQuery(cp.Id) { EntityType = EntityType.Service });
        var firstPage = await _host.AuditLog.ReadAsync(new AuditLogQuery(cp.Id) { First = 3 });
        var secondPage = await _host.AuditLog.ReadAsync(new AuditLogQuery(cp.Id) { First = 3, BeforeVersion = firstPage[^1].Version });
        var window = await _host.AuditLog.ReadAsync(new AuditLogQuery(cp.Id) { Since = all.Single(e => e.Version == 3).OccurredAt, Until = all.Single(e => e.Version == 5).OccurredAt });

        Assert.Equal([8L, 7, 6, 5, 4, 3, 2], forService.Select(e => e.Version));
        Assert.Equal([7L, 5, 3], byB.Select(e => e.Version));
        Assert.Equal(forService.Select(e => e.Version), services.Select(e => e.Version));
        Assert.Equal([8L, 7, 6], firstPage.Select(e => e.Version));
        Assert.Equal([5L, 4, 3], secondPage.Select(e => e.Version));
        Assert.All(window, e => Assert.InRange(e.Version, 3, 4));
        Assert.Equal(2, all[0].ChangeCount);
        Assert.Null(all[0].EntityId);
    }
}
