using KonnectES.EventStore;
using KonnectES.Projections.DataPlaneNodes;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.Projections.Tests.DataPlaneNodes;

public sealed class ProjectingDataPlaneNodes(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private ReadModelHost _host = null!;

    private IEventStore Store => _host.Store;

    private DataPlaneNodeReader Nodes => _host.Get<DataPlaneNodeReader>();

    public async Task InitializeAsync() => _host = await ReadModelHost.StartAsync(database, b => b.AddDataPlaneNodeReadModels());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_first_report_creates_the_node_with_everything_it_said()
    {
        var (cp, node) = (Guid.NewGuid(), Guid.NewGuid());

        await ReportAsync(cp, node, version: 3, hash: "c3", labels: new() { ["region"] = "eu" });
        var record = (await Nodes.GetAsync(cp, node))!;

        Assert.Equal(("dp-1", "0.1.0", 3L, "c3", "s-c3"), (record.Hostname, record.Version, record.ConfigVersion, record.ConfigHash, record.SnapshotHash));
        Assert.Equal("eu", record.Labels["region"]);
        Assert.Null(record.LastError);
        Assert.Equal(1, record.StreamVersion);
        Assert.Equal(record.FirstSeen, record.LastSeen);
    }

    [Fact]
    public async Task A_refusal_keeps_its_error_through_later_heartbeats_until_the_node_applies_another_snapshot()
    {
        var (cp, node) = (Guid.NewGuid(), Guid.NewGuid());
        await ReportAsync(cp, node, version: 3, hash: "c3");

        await AppendAsync(cp, node, new DataPlaneNodeRefusedSnapshot(cp, node, 4, "c4", "s-c4", "unknown plugin foo", ["plugins[0].name: foo"]));
        await ReportAsync(cp, node, version: 3, hash: "c3", hostname: "dp-1b");
        var refused = (await Nodes.GetAsync(cp, node))!;
        await ReportAsync(cp, node, version: 5, hash: "c5");
        var recovered = (await Nodes.GetAsync(cp, node))!;

        Assert.Equal("unknown plugin foo", refused.LastError);
        Assert.Equal(["plugins[0].name: foo"], refused.LastErrorDetails);
        Assert.Equal((4L, "s-c4"), (refused.RefusedVersion, refused.RefusedSnapshotHash));
        Assert.Equal("dp-1b", refused.Hostname);
        Assert.Null(recovered.LastError);
        Assert.Empty(recovered.LastErrorDetails);
        Assert.Equal("s-c4", recovered.RefusedSnapshotHash);
        Assert.Equal(4, recovered.StreamVersion);
    }

    [Fact]
    public async Task Errors_in_a_status_report_become_the_last_error()
    {
        var (cp, node) = (Guid.NewGuid(), Guid.NewGuid());

        await ReportAsync(cp, node, version: 2, hash: "c2", errors: ["upstream dns failed", "second"]);
        var record = (await Nodes.GetAsync(cp, node))!;

        Assert.Equal("upstream dns failed", record.LastError);
        Assert.Equal(["upstream dns failed", "second"], record.LastErrorDetails);
    }

    [Fact]
    public async Task Touching_a_node_moves_only_its_last_seen_and_never_backwards()
    {
        var (cp, node) = (Guid.NewGuid(), Guid.NewGuid());
        await ReportAsync(cp, node, version: 1, hash: "c1");
        var before = (await Nodes.GetAsync(cp, node))!;

        Assert.True(await Nodes.TouchAsync(cp, node, before.LastSeen.AddMinutes(1)));
        Assert.True(await Nodes.TouchAsync(cp, node, before.LastSeen.AddMinutes(-5)));
        var after = (await Nodes.GetAsync(cp, node))!;

        Assert.Equal(before.LastSeen.AddMinutes(1), after.LastSeen);
        Assert.Equal(before with { LastSeen = after.LastSeen }, after with { Labels = before.Labels, LastErrorDetails = before.LastErrorDetails });
        Assert.False(await Nodes.TouchAsync(cp, Guid.NewGuid(), DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Nodes_are_kept_per_control_plane_and_their_streams_never_collide_with_a_chosen_id()
    {
        var (x, y, node) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await ReportAsync(x, node, version: 1, hash: "x1");
        await ReportAsync(y, node, version: 7, hash: "y7");

        Assert.Equal("x1", Assert.Single(await Nodes.ListAsync(x)).ConfigHash);
        Assert.Equal("y7", Assert.Single(await Nodes.ListAsync(y)).ConfigHash);
        Assert.NotEqual(DataPlaneNodeStream.Id(x, node), DataPlaneNodeStream.Id(y, node));
        Assert.NotEqual(node, DataPlaneNodeStream.Id(x, node));
        Assert.Equal(DataPlaneNodeStream.Id(x, node), DataPlaneNodeStream.Id(x, node));
    }

    private Task ReportAsync(
        Guid cp, Guid node, long version, string hash, string hostname = "dp-1", Dictionary<string, string>? labels = null, string[]? errors = null) =>
        AppendAsync(cp, node, new DataPlaneNodeReported(cp, node, hostname, "0.1.0", labels ?? [], version, hash, "s-" + hash, errors ?? []));

    private Task AppendAsync(Guid cp, Guid node, object @event) =>
        Store.AppendAsync(DataPlaneNodeStream.Id(cp, node), ExpectedVersion.Any, [@event]);
}
