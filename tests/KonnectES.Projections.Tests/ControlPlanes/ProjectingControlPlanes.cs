using KonnectES.EventStore;
using Npgsql;

namespace KonnectES.Projections.Tests.ControlPlanes;

public sealed class ProjectingControlPlanes(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private ReadModelHost _host = null!;

    public async Task InitializeAsync() => _host = await ReadModelHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_second_control_plane_with_a_taken_name_fails_its_append_and_stores_nothing()
    {
        await _host.CreateControlPlaneAsync("unique-name");
        var loser = Guid.NewGuid();

        var failure = await Assert.ThrowsAsync<PostgresException>(() => _host.Store.AppendAsync(
            loser, ExpectedVersion.NoStream, [new ControlPlaneCreated(new ControlPlane { Id = loser, Name = "unique-name" })]));

        Assert.Equal(Projections.ControlPlanes.ControlPlaneRecordProjection.UniqueNameIndex, failure.ConstraintName);
        Assert.Equal(0, await _host.Store.GetStreamVersionAsync(loser));
        Assert.Null(await _host.ControlPlanes.GetAsync(loser));
    }

    [Fact]
    public async Task Control_planes_are_listed_by_name_and_labels_with_their_config_version()
    {
        var prod = await _host.CreateControlPlaneAsync("list-prod", new Dictionary<string, string> { ["env"] = "prod", ["team"] = "a" });
        await _host.CreateControlPlaneAsync("list-dev", new Dictionary<string, string> { ["env"] = "dev" });
        await prod.RunAsync(new CreateConsumer(new Consumer { Id = Guid.NewGuid(), Username = "x" }));

        var byLabel = await _host.ControlPlanes.ListAsync(labels: new Dictionary<string, string> { ["env"] = "prod" });
        var byName = await _host.ControlPlanes.ListAsync(nameContains: "LIST-");

        Assert.Equal(prod.Id, Assert.Single(byLabel).Id);
        Assert.Equal(2, byLabel[0].Version);
        Assert.Equal(["list-dev", "list-prod"], byName.Select(c => c.Name));
        Assert.Equal("a", (await _host.ControlPlanes.GetByNameAsync("list-prod"))!.Labels["team"]);
    }

    [Fact]
    public async Task A_deleted_control_plane_frees_its_name_and_its_rows()
    {
        var cp = await _host.CreateControlPlaneAsync("short-lived");
        await cp.RunAsync(new CreateService(new Service { Id = Guid.NewGuid(), Name = "s", Host = "s.internal" }));

        await cp.RunAsync(new DeleteControlPlane());
        var again = await _host.CreateControlPlaneAsync("short-lived");

        Assert.NotEqual(cp.Id, again.Id);
        Assert.Equal(0, await database.ScalarAsync<long>($"SELECT count(*) FROM konnectes.services WHERE control_plane_id = '{cp.Id}'"));
        Assert.Equal("0000000000000000000000000000000000000000000000000000000000000000", (await _host.Snapshots.GetHeadAsync(cp.Id))!.Value.Hash.ToString());
    }
}
