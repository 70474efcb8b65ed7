using KonnectES.EventStore;
using KonnectES.Projections.DataPlaneNodes;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.Projections.Tests.DataPlaneNodes;

public sealed class ProjectingTargetHealth(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private ReadModelHost _host = null!;

    private IEventStore Store => _host.Store;

    private DataPlaneNodeReader Nodes => _host.Get<DataPlaneNodeReader>();

    private DataPlaneTargetHealthReader Health => _host.Get<DataPlaneTargetHealthReader>();

    public async Task InitializeAsync() => _host = await ReadModelHost.StartAsync(database, b => b.AddDataPlaneNodeReadModels());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_health_report_replaces_the_nodes_whole_set_and_stamps_when_it_changed()
    {
        var (cp, node, orders, billing) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await ReportAsync(cp, node);

        await HealthAsync(cp, node, new(orders, "orders", "10.0.0.1:80", "HEALTHY"), new(billing, "billing", "b.internal:9000", "DNS_ERROR"));
        var first = await Health.ListAsync(cp, node);
        var stamped = (await Nodes.GetAsync(cp, node))!;
        await HealthAsync(cp, node, new DataPlaneTargetHealth(orders, "orders", "10.0.0.1:80", "UNHEALTHY"));
        var second = await Health.ListAsync(cp, node);
        var restamped = (await Nodes.GetAsync(cp, node))!;

        Assert.Equal(DataPlaneTargetHealth.Sorted(
            [new(orders, "orders", "10.0.0.1:80", "HEALTHY"), new(billing, "billing", "b.internal:9000", "DNS_ERROR")]), first);
        Assert.Equal([new DataPlaneTargetHealth(orders, "orders", "10.0.0.1:80", "UNHEALTHY")], second);
        Assert.Equal(2, stamped.StreamVersion);
        Assert.NotNull(stamped.HealthChangedAt);
        Assert.Equal(3, restamped.StreamVersion);
        Assert.True(restamped.HealthChangedAt > stamped.HealthChangedAt);
    }

    [Fact]
    public async Task A_node_without_health_reports_has_none_and_no_change_time()
    {
        var (cp, node) = (Guid.NewGuid(), Guid.NewGuid());

        await ReportAsync(cp, node);

        Assert.Empty(await Health.ListAsync(cp, node));
        Assert.Null((await Nodes.GetAsync(cp, node))!.HealthChangedAt);
    }

    [Fact]
    public async Task Health_by_upstream_holds_every_node_seen_since_the_given_time_and_only_the_asked_upstreams()
    {
        var (cp, a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (orders, billing, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        foreach (var (node, hostname) in new[] { (a, "dp-a"), (b, "dp-b"), (c, "dp-c") })
        {
            await ReportAsync(cp, node, hostname);
            await HealthAsync(cp, node,
                new(orders, "orders", "10.0.0.1:80", node == b ? "UNHEALTHY" : "HEALTHY"),
                new(billing, "billing", "10.0.0.2:80", "HEALTHCHECKS_OFF"),
                new(other, "other", "10.0.0.3:80", "HEALTHY"));
        }

        var cSeen = (await Nodes.GetAsync(cp, c))!.LastSeen;
        var since = cSeen.AddMinutes(1);
        await Nodes.TouchAsync(cp, a, since);
        await Nodes.TouchAsync(cp, b, since.AddSeconds(1));

        var records = await Health.ByUpstreamsAsync(cp, [orders, billing], since);

        Assert.Equal(
            [
                (orders, "10.0.0.1:80", a, "HEALTHY"), (orders, "10.0.0.1:80", b, "UNHEALTHY"),
                (billing, "10.0.0.2:80", a, "HEALTHCHECKS_OFF"), (billing, "10.0.0.2:80", b, "HEALTHCHECKS_OFF"),
            ],
            records.Select(r => (r.UpstreamId, r.Target, r.NodeId, r.Health)).OrderBy(r => r.UpstreamId == orders ? 0 : 1).ThenBy(r => r.NodeId == a ? 0 : 1));
        Assert.Empty(await Health.ByUpstreamsAsync(Guid.NewGuid(), [orders], DateTimeOffset.MinValue));
        Assert.Empty(await Health.ByUpstreamsAsync(cp, [], DateTimeOffset.MinValue));
    }

    [Fact]
    public async Task The_same_target_reported_by_two_nodes_is_two_rows()
    {
        var (cp, a, b, orders) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await ReportAsync(cp, a, "dp-a");
        await ReportAsync(cp, b, "dp-b");

        await HealthAsync(cp, a, new DataPlaneTargetHealth(orders, "orders", "10.0.0.1:80", "HEALTHY"));
        await HealthAsync(cp, b, new DataPlaneTargetHealth(orders, "orders", "10.0.0.1:80", "UNHEALTHY"));
        await HealthAsync(cp, a, new DataPlaneTargetHealth(orders, "orders", "10.0.0.1:80", "UNHEALTHY"));

        var records = await Health.ByUpstreamsAsync(cp, [orders], DateTimeOffset.MinValue);
        Assert.Equal([(a, "UNHEALTHY"), (b, "UNHEALTHY")], records.Select(r => (r.NodeId, r.Health)).OrderBy(r => r.NodeId == a ? 0 : 1));
    }

    private Task ReportAsync(Guid cp, Guid node, string hostname = "dp-1") =>
        Store.AppendAsync(DataPlaneNodeStream.Id(cp, node), ExpectedVersion.Any, [new DataPlaneNodeReported(cp, node, hostname, "0.1.0", new Dictionary<string, string>(), 1, "c1", "s-c1", [])]);

    private Task HealthAsync(Guid cp, Guid node, params DataPlaneTargetHealth[] targets) =>
        Store.AppendAsync(DataPlaneNodeStream.Id(cp, node), ExpectedVersion.Any, [new DataPlaneNodeTargetHealthChanged(cp, node, DataPlaneTargetHealth.Sorted(targets))]);
}
