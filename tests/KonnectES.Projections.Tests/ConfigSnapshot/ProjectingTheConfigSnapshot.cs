using System.Text.Json.Nodes;
using KonnectES.Domain.Tests.Properties;

namespace KonnectES.Projections.Tests.ConfigSnapshot;

public sealed class ProjectingTheConfigSnapshot(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private ReadModelHost _host = null!;

    public async Task InitializeAsync() => _host = await ReadModelHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Each section as a sorted list of entity JSON strings, plus the version and hash: order-free equality.</summary>
    private static List<string> Normalized(JsonObject document) =>
    [
        document["_konnectes"]!.ToJsonString(),
        .. SnapshotDocument.Sections.SelectMany(s => (document[s] as JsonArray ?? []).Select(e => s + ":" + e!.ToJsonString()).Order(StringComparer.Ordinal)),
    ];

    /// <summary>The domain's document of a state, with the snapshot hash the projection adds to <c>_konnectes</c>.</summary>
    private static JsonObject Expected(ControlPlaneConfig state)
    {
        var document = SnapshotDocument.Create(state);
        document["_konnectes"]!["snapshot_hash"] = ContentHash(document).ToString();
        return document;
    }

    private static ConfigHash ContentHash(JsonObject document) =>
        SnapshotContentHash.OfDocument(System.Text.Json.JsonDocument.Parse(document.ToJsonString()).RootElement);

    [Theory]
    [InlineData(11)]
    [InlineData(4242)]
    public async Task After_random_histories_the_rows_and_hash_equal_the_domain_and_deltas_lead_from_any_version_to_the_current_one(int seed)
    {
        var random = new Random(seed);
        var cp = await _host.CreateControlPlaneAsync($"snapshot-{seed}");
        var generator = new RandomCommands(random);
        var taken = new List<(long Version, JsonObject Document)>();
        for (var i = 0; i < 120; i++)
        {
            await cp.TryAsync(generator.Next(cp.State, cp.History));
            if (i % 20 == 0)
            {
                taken.Add((cp.State.Version, JsonNode.Parse((await _host.Snapshots.GetSnapshotAsync(cp.Id))!.Document)!.AsObject()));
            }
        }

        var snapshot = (await _host.Snapshots.GetSnapshotAsync(cp.Id))!;
        var expected = Expected(cp.State);

        Assert.Equal(cp.State.Version, snapshot.Version);
        Assert.Equal(cp.State.Hash, snapshot.Hash);
        Assert.Equal(EntityHash.Of(cp.State.Entities), snapshot.Hash);
        Assert.Equal(Normalized(expected), Normalized(JsonNode.Parse(snapshot.Document)!.AsObject()));
        foreach (var (version, document) in taken)
        {
            var delta = (await _host.Snapshots.GetDeltaAsync(cp.Id, version))!;

            Assert.Equal((version, cp.State.Version), (delta.FromVersion, delta.ToVersion));
            Assert.Equal(Normalized(expected), Normalized(delta.ApplyTo(document)));
        }

        Assert.True((await _host.Snapshots.GetDeltaAsync(cp.Id, cp.State.Version))!.IsEmpty);
    }

    [Fact]
    public async Task One_change_touches_one_row_and_the_delta_since_the_previous_version_carries_only_it()
    {
        var cp = await _host.CreateControlPlaneAsync("snapshot-1");
        var service = new Service { Id = Guid.NewGuid(), Name = "svc", Host = "svc.internal" };
        await cp.RunAsync(new CreateService(service));
        for (var i = 0; i < 20; i++)
        {
            await cp.RunAsync(new CreateRoute(new Route { Id = Guid.NewGuid(), Name = $"r{i}", Paths = [$"/r{i}"], ServiceId = service.Id }));
        }

        var route = cp.State.Routes.First();
        var before = cp.State.Version;
        await cp.RunAsync(new UpdateRoute(route with { Paths = ["/changed"] }));

        var delta = (await _host.Snapshots.GetDeltaAsync(cp.Id, before))!;
        Assert.Equal(route.Id, Assert.Single(delta.Upserts).Id);
        Assert.Empty(delta.Deletes);
        Assert.Equal(1, await database.ScalarAsync<long>($"SELECT count(*) FROM konnectes.config_snapshot_entities WHERE control_plane_id = '{cp.Id}' AND version > {before}"));
        Assert.Equal(cp.State.Hash, delta.Hash);
    }

    [Fact]
    public async Task Disabling_a_service_drops_its_routes_and_plugins_from_the_snapshot_and_enabling_it_brings_them_back()
    {
        var cp = await _host.CreateControlPlaneAsync("snapshot-2");
        var service = new Service { Id = Guid.NewGuid(), Name = "svc", Host = "svc.internal" };
        var route = new Route { Id = Guid.NewGuid(), Name = "r", Paths = ["/r"], ServiceId = service.Id };
        var servicePlugin = new Plugin { Id = Guid.NewGuid(), Name = "cors", ServiceId = service.Id };
        var routePlugin = new Plugin { Id = Guid.NewGuid(), Name = "correlation-id", RouteId = route.Id };
        await cp.RunAsync(new CreateService(service));
        await cp.RunAsync(new CreateRoute(route));
        await cp.RunAsync(new CreatePlugin(servicePlugin));
        await cp.RunAsync(new CreatePlugin(routePlugin));
        await cp.RunAsync(new CreatePlugin(new Plugin { Id = Guid.NewGuid(), Name = "key-auth", Enabled = false }));
        var enabledVersion = cp.State.Version;
        var enabledDocument = JsonNode.Parse((await _host.Snapshots.GetSnapshotAsync(cp.Id))!.Document)!.AsObject();

        await cp.RunAsync(new UpdateService(service with { Enabled = false }));
        var disabled = (await _host.Snapshots.GetSnapshotAsync(cp.Id))!;
        var dropped = (await _host.Snapshots.GetDeltaAsync(cp.Id, enabledVersion))!;

        Assert.Equal(Normalized(Expected(cp.State)), Normalized(JsonNode.Parse(disabled.Document)!.AsObject()));
        Assert.Equal(new[] { service.Id, route.Id, servicePlugin.Id, routePlugin.Id }.Order(), dropped.Deletes.Select(d => d.Id).Order());
        Assert.Equal(cp.State.Hash, disabled.Hash);

        await cp.RunAsync(new UpdateService(service with { Enabled = true }));
        var back = (await _host.Snapshots.GetDeltaAsync(cp.Id, cp.State.Version - 1))!;

        Assert.Equal(4, back.Upserts.Count);
        Assert.Equal(Normalized(Expected(cp.State)), Normalized(back.ApplyTo(JsonNode.Parse(disabled.Document)!.AsObject())));
        Assert.Equal(Normalized(enabledDocument)[1..], Normalized(SnapshotDocument.Create(cp.State))[1..]);
    }
}
