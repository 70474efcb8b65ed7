using KonnectES.Projections.Entities;

namespace KonnectES.Projections.Tests.Entities;

public sealed class ProjectingEntities(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private ReadModelHost _host = null!;

    public async Task InitializeAsync() => _host = await ReadModelHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Each_kind_has_its_table_with_the_filter_columns_of_the_portal()
    {
        var cp = await _host.CreateControlPlaneAsync("entities-1");
        var users = new Service { Id = Guid.NewGuid(), Name = "users", Host = "users.internal", Tags = ["team-a", "prod"] };
        var orders = new Service { Id = Guid.NewGuid(), Name = "orders", Host = "orders.internal", Tags = ["team-b"] };
        await cp.RunAsync(new CreateService(users));
        await cp.RunAsync(new CreateService(orders));
        var route = new Route { Id = Guid.NewGuid(), Name = "users-api", Paths = ["/users"], ServiceId = users.Id };
        await cp.RunAsync(new CreateRoute(route));
        await cp.RunAsync(new CreateRoute(new Route { Id = Guid.NewGuid(), Name = "orders-api", Paths = ["/orders"], ServiceId = orders.Id }));
        await cp.RunAsync(new CreatePlugin(new Plugin { Id = Guid.NewGuid(), Name = "cors", RouteId = route.Id }));
        await cp.RunAsync(new CreatePlugin(new Plugin { Id = Guid.NewGuid(), Name = "key-auth" }));
        await cp.RunAsync(new CreateConsumer(new Consumer { Id = Guid.NewGuid(), Username = "Alice", CustomId = "crm-17" }));

        var tagged = await _host.Entities.ListAsync(new EntityQuery(cp.Id, EntityType.Service) { Tags = ["team-a"] });
        var byService = await _host.Entities.ListAsync(new EntityQuery(cp.Id, EntityType.Route) { ServiceId = users.Id });
        var onRoute = await _host.Entities.ListAsync(new EntityQuery(cp.Id, EntityType.Plugin) { RouteId = route.Id });
        var global = await _host.Entities.ListAsync(new EntityQuery(cp.Id, EntityType.Plugin) { Global = true });
        var searched = await _host.Entities.ListAsync(new EntityQuery(cp.Id, EntityType.Consumer) { Search = "crm" });
        var named = await _host.Entities.ListAsync(new EntityQuery(cp.Id, EntityType.Service) { Name = "orders" });

        Assert.Equal(users.Id, Assert.Single(tagged).Id);
        Assert.Equal("users-api", Assert.Single(byService).Name);
        Assert.Equal("cors", Assert.Single(onRoute).Name);
        Assert.Equal("key-auth", Assert.Single(global).Name);
        Assert.Equal("Alice", Assert.Single(searched).Name);
        Assert.Equal(orders.Id, Assert.Single(named).Id);
        Assert.Equal(2, await _host.Entities.CountAsync(new EntityQuery(cp.Id, EntityType.Route)));
        await Assert.ThrowsAsync<ArgumentException>(() => _host.Entities.ListAsync(new EntityQuery(cp.Id, EntityType.Consumer) { ServiceId = users.Id }));
    }

    [Fact]
    public async Task Pages_follow_the_id_cursor()
    {
        var cp = await _host.CreateControlPlaneAsync("entities-2");
        for (var i = 0; i < 7; i++)
        {
            await cp.RunAsync(new CreateConsumer(new Consumer { Id = Guid.NewGuid(), Username = $"user{i}" }));
        }

        var seen = new List<Guid>();
        Guid? after = null;
        while (true)
        {
            var page = await _host.Entities.ListAsync(new EntityQuery(cp.Id, EntityType.Consumer) { First = 3, After = after });
            if (page.Count == 0)
            {
                break;
            }

            seen.AddRange(page.Select(p => p.Id));
            after = page[^1].Id;
        }

        Assert.Equal(cp.State.Consumers.Select(c => c.Id).Order(), seen);
    }

    [Fact]
    public async Task Cascading_deletes_remove_the_children_rows_and_updates_replace_the_document()
    {
        var cp = await _host.CreateControlPlaneAsync("entities-3");
        var consumer = new Consumer { Id = Guid.NewGuid(), Username = "bob" };
        await cp.RunAsync(new CreateConsumer(consumer));
        await cp.RunAsync(new CreateCredential(new Credential { Id = Guid.NewGuid(), Kind = CredentialKind.KeyAuth, ConsumerId = consumer.Id, Key = "bob-key" }));
        await cp.RunAsync(new CreatePlugin(new Plugin { Id = Guid.NewGuid(), Name = "request-termination", ConsumerId = consumer.Id }));
        await cp.RunAsync(new UpdateConsumer(consumer with { CustomId = "c-1" }));

        var updated = await _host.Entities.GetAsync(cp.Id, EntityType.Consumer, consumer.Id);
        Assert.Equal("c-1", ((Consumer)updated!.ToEntity()).CustomId);
        Assert.Equal(cp.State.Version, updated.UpdatedVersion);

        await cp.RunAsync(new DeleteConsumer(consumer.Id));

        Assert.Null(await _host.Entities.GetAsync(cp.Id, EntityType.Consumer, consumer.Id));
        Assert.Empty(await _host.Entities.ListAsync(new EntityQuery(cp.Id, EntityType.Credential) { ConsumerId = consumer.Id }));
        Assert.Empty(await _host.Entities.ListAsync(new EntityQuery(cp.Id, EntityType.Plugin) { ConsumerId = consumer.Id }));
    }

    [Fact]
    public async Task Documents_read_by_the_portal_never_carry_secrets()
    {
        var cp = await _host.CreateControlPlaneAsync("entities-4");
        var consumer = new Consumer { Id = Guid.NewGuid(), Username = "carol" };
        await cp.RunAsync(new CreateConsumer(consumer));
        await cp.RunAsync(new CreateCredential(new Credential { Id = Guid.NewGuid(), Kind = CredentialKind.KeyAuth, ConsumerId = consumer.Id, Key = "carol-secret" }));
        await cp.RunAsync(new CreateCredential(new Credential { Id = Guid.NewGuid(), Kind = CredentialKind.BasicAuth, ConsumerId = consumer.Id, Username = "carol", Password = "hunter2" }));

        var credentials = await _host.Entities.ListAsync(new EntityQuery(cp.Id, EntityType.Credential) { ConsumerId = consumer.Id });

        Assert.Equal(2, credentials.Count);
        Assert.All(credentials, c => Assert.Contains(SecretMasking.Placeholder, c.Document, StringComparison.Ordinal));
        Assert.DoesNotContain(credentials, c => c.Document.Contains("carol-secret", StringComparison.Ordinal) || c.Document.Contains("hunter2", StringComparison.Ordinal));
        Assert.Equal(2, await database.ScalarAsync<long>("SELECT count(*) FROM konnectes.credentials WHERE document::text LIKE '%carol-secret%' OR document::text LIKE '%hunter2%'"));
    }
}
