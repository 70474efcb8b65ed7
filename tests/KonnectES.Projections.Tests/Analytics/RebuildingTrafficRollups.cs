using KonnectES.Projections.Analytics;

namespace KonnectES.Projections.Tests.Analytics;

public sealed class RebuildingTrafficRollups(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 23, 57, 0, TimeSpan.Zero);
    private TrafficHost _host = null!;

    public async Task InitializeAsync() => _host = await TrafficHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_rebuild_from_the_raw_reports_gives_the_same_rollups_as_live_processing()
    {
        var traffic = new SimulatedTraffic(seed: 7, requests: 3_000, Start, routes: 5, minutes: 6, nodes: 3); // crosses midnight
        foreach (var cp in new[] { Guid.NewGuid(), Guid.NewGuid() })
        {
            foreach (var report in traffic.Reports(requestsPerReport: 37))
            {
                await _host.Reports.AppendAsync(cp, report);
                if (report.Rows.Count % 3 == 0)
                {
                    await _host.CatchUpAsync(); // live processing sees the reports in many small pages
                }
            }
        }

        await _host.CatchUpAsync();
        var live = await DumpAllAsync();
        await _host.Daemon.RebuildAsync(TrafficRollupProjection.ProjectionName);
        await _host.CatchUpAsync();
        var rebuilt = await DumpAllAsync();

        Assert.NotEmpty(live[0]);
        Assert.Equal(2, live[2].Select(r => r.Split(',')[1]).Distinct().Count()); // two days
        Assert.Equal(live, rebuilt);
    }

    private async Task<IReadOnlyList<string>[]> DumpAllAsync() =>
        [await _host.DumpAsync("traffic_minutes"), await _host.DumpAsync("traffic_hours"), await _host.DumpAsync("traffic_days")];
}
