namespace KonnectES.Domain.Tests.Properties;

public sealed class ApplyingChangesInBulk
{
    [Fact]
    public void Applying_changes_in_bulk_gives_the_state_of_applying_them_one_by_one()
    {
        var imported = Given.Apply(Given.EmptyControlPlane(), new ImportConfig(SharedFixtures.Read("kic-upstreampolicy-ingress.yaml"), ConfigFormat.Yaml, ImportMode.Merge));
        var route = imported.Routes.First();
        var service = imported.Services.First();
        var added = Given.Service("bulk");
        EntityChange[] changes =
        [
            EntityChange.Updated(route, route with { Name = "renamed", Paths = ["/renamed"] }),
            EntityChange.Deleted(route),
            EntityChange.Created(added),
            EntityChange.Updated(added, added with { Name = "bulk-renamed", Host = "other.example.com" }),
            EntityChange.Created(new Consumer { Id = added.Id, Username = "bulk" }),
            EntityChange.Updated(service, service with { Retries = 7 }),
            EntityChange.Created(new Route { Id = Given.Id("route/bulk"), Name = "bulk-route", ServiceId = service.Id, Paths = ["/bulk"] }),
        ];

        var oneByOne = imported;
        foreach (var change in changes)
        {
            oneByOne = change.After is { } after ? oneByOne.Upsert(after) : oneByOne.Remove(change.EntityId);
        }

        var bulk = imported.Apply(changes);

        Assert.Equal(oneByOne.Hash, bulk.Hash);
        Assert.Equal(EntityHash.Of(bulk.Entities), bulk.Hash);
        Assert.Equal(oneByOne.Entities.OrderBy(e => e.Id), bulk.Entities.OrderBy(e => e.Id));
        Assert.Equal(oneByOne.Services.Select(s => s.Id).Order(), bulk.Services.Select(s => s.Id).Order());
        Assert.Equal(oneByOne.Routes.Select(r => r.Id).Order(), bulk.Routes.Select(r => r.Id).Order());
        Assert.Equal(oneByOne.Consumers.Select(c => c.Id).Order(), bulk.Consumers.Select(c => c.Id).Order());
        foreach (var id in imported.Entities.Concat(oneByOne.Entities).Select(e => e.Id).Distinct())
        {
            Assert.Equal(oneByOne.HashOf(id), bulk.HashOf(id));
            Assert.Equal(oneByOne.ChildrenOf(id).Order(), bulk.ChildrenOf(id).Order());
        }

        Assert.Null(bulk.FindServiceByName("bulk"));
        Assert.Null(bulk.FindServiceByName("bulk-renamed"));
        Assert.Equal(added.Id, bulk.FindConsumerByUsername("bulk")?.Id);
        Assert.Null(bulk.FindRouteByName("renamed"));
        Assert.Equal(Given.Id("route/bulk"), bulk.FindRouteByName("bulk-route")?.Id);
        Assert.Equal(oneByOne.FindConsumerByUsername("bulk")?.Id, bulk.FindConsumerByUsername("bulk")?.Id);
    }
}
