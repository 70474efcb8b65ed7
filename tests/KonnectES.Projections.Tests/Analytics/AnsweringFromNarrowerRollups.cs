using KonnectES.Domain.Analytics;
using KonnectES.Projections.Analytics;

namespace KonnectES.Projections.Tests.Analytics;

public sealed class AnsweringFromNarrowerRollups(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 58, 0, TimeSpan.Zero);
    private static readonly Guid Cp = Guid.NewGuid();
    private TrafficHost _host = null!;

    public async Task InitializeAsync() => _host = await TrafficHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string> Groupings => ["", "Route", "Service", "Route StatusCodeClass", "Consumer", "DataPlane", "Service Route Consumer StatusCodeClass DataPlane"];

    [Theory]
    [MemberData(nameof(Groupings))]
    public async Task Every_grouping_answers_exactly_like_one_histogram_of_its_requests(string grouping)
    {
        var cp = Guid.NewGuid();
        var traffic = new SimulatedTraffic(seed: 11, requests: 3_000, Start, routes: 4, minutes: 150, nodes: 3); // 10:58 to 13:27
        await _host.SendAsync(cp, traffic.Reports(requestsPerReport: 120));
        var groupBy = grouping.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<TrafficDimension>).ToArray();
        var from = new DateTimeOffset(2026, 3, 2, 11, 30, 20, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 3, 2, 13, 10, 30, TimeSpan.Zero); // partial hours at both ends, 12:00 whole

        var result = await _host.Analytics.QueryAsync(new TrafficQuery(cp, from, to, RollupGranularity.Minute) { GroupBy = groupBy });

        var inRange = traffic.Requests.Where(r => SimulatedTraffic.Minute(r.CompletedAt) >= from.AddSeconds(-20) && r.CompletedAt < to.AddSeconds(30)).ToList();
        AssertExactly(inRange, result.Totals);
        var expected = inRange.GroupBy(r => Dimensions(r, groupBy)).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(expected.Keys.Order(), result.Series.Select(s => Key(s.Dimensions)).Order());
        foreach (var series in result.Series)
        {
            var ofGroup = expected[Key(series.Dimensions)];
            Assert.Equal(ofGroup.Select(r => SimulatedTraffic.Minute(r.CompletedAt)).Distinct().Order(), series.Points.Select(p => p.Timestamp!.Value));
            foreach (var point in series.Points)
            {
                AssertExactly(ofGroup.Where(r => SimulatedTraffic.Minute(r.CompletedAt) == point.Timestamp).ToList(), point);
            }
        }
    }

    [Fact]
    public async Task Hours_answer_from_whole_days_and_filters_exactly_like_one_histogram_of_their_requests()
    {
        var cp = Guid.NewGuid();
        var traffic = new SimulatedTraffic(seed: 12, requests: 2_000, Start.AddHours(12), routes: 3, minutes: 240, nodes: 2); // 22:58 to 02:57
        await _host.SendAsync(cp, traffic.Reports(requestsPerReport: 200));

        var all = await _host.Analytics.QueryAsync(new TrafficQuery(cp, Start.AddDays(-2), Start.AddDays(2), RollupGranularity.Hour) { GroupBy = [TrafficDimension.Route] });
        var oneRoute = await _host.Analytics.QueryAsync(new TrafficQuery(cp, Start.AddDays(-2), Start.AddDays(2), RollupGranularity.Minute) { RouteId = traffic.Routes[2] });

        AssertExactly(traffic.Requests, all.Totals);
        AssertExactly([.. traffic.Requests.Where(r => r.RouteId == traffic.Routes[2])], oneRoute.Totals);
        Assert.Equal(
            traffic.Requests.Where(r => r.RouteId == traffic.Routes[2]).Select(r => SimulatedTraffic.Minute(r.CompletedAt)).Distinct().Order(),
            Assert.Single(oneRoute.Series).Points.Select(p => p.Timestamp!.Value));
    }

    [Fact]
    public async Task Minutes_that_expired_while_their_hours_stay_count_nothing_and_have_no_latencies()
    {
        var cp = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var old = new SimulatedTraffic(seed: 13, requests: 400, SimulatedTraffic.Minute(now).AddDays(-3).AddMinutes(-90), minutes: 180);
        await _host.SendAsync(cp, old.Reports(requestsPerReport: 100));

        await _host.Retention.PurgeAsync(now);
        var minutes = await _host.Analytics.QueryAsync(new TrafficQuery(cp, now.AddDays(-4), now, RollupGranularity.Minute) { GroupBy = [TrafficDimension.Route] });
        var hours = await _host.Analytics.QueryAsync(new TrafficQuery(cp, now.AddDays(-4), now, RollupGranularity.Hour) { GroupBy = [TrafficDimension.Route] });

        Assert.Equal(0, minutes.Totals.RequestCount);
        Assert.Null(minutes.Totals.LatencyP50Ms);
        Assert.Null(minutes.Totals.ProxyLatencyP99Ms);
        Assert.Empty(minutes.Series);
        AssertExactly(old.Requests, hours.Totals);
    }

    [Fact]
    public async Task A_rebuild_gives_the_same_rows_in_every_rollup_table_as_live_processing()
    {
        var traffic = new SimulatedTraffic(seed: 14, requests: 2_500, Start.AddHours(12).AddMinutes(55), routes: 4, minutes: 70, nodes: 3); // crosses midnight
        foreach (var report in traffic.Reports(requestsPerReport: 45))
        {
            await _host.Reports.AppendAsync(Cp, report);
            if (report.Rows.Count % 4 == 0)
            {
                await _host.CatchUpAsync(); // live processing sees the reports in many small pages
            }
        }

        await _host.CatchUpAsync();
        var live = await DumpEveryTableAsync();
        await _host.Daemon.RebuildAsync(TrafficRollupProjection.ProjectionName);
        await _host.CatchUpAsync();
        var rebuilt = await DumpEveryTableAsync();

        Assert.All(live, table => Assert.NotEmpty(table.Value));
        Assert.Equal(live, rebuilt);
    }

    private async Task<Dictionary<string, IReadOnlyList<string>>> DumpEveryTableAsync()
    {
        var tables = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var level in new[] { "", "_route_status", "_route", "_cp" })
        {
            foreach (var granularity in new[] { "minutes", "hours", "days" })
            {
                tables[$"traffic{level}_{granularity}"] = await _host.DumpRowsAsync($"traffic{level}_{granularity}", Cp);
            }

            if (level.Length > 0)
            {
                tables[$"traffic{level}_minute_points"] = await _host.DumpRowsAsync($"traffic{level}_minute_points", Cp);
            }
        }

        return tables;
    }

    private static void AssertExactly(IReadOnlyList<SimulatedRequest> requests, TrafficPoint point)
    {
        LatencyHistogram latency = new(), upstream = new(), proxy = new();
        foreach (var r in requests)
        {
            latency.Record(r.LatencyMs);
            upstream.Record(r.UpstreamLatencyMs);
            proxy.Record(r.LatencyMs - r.UpstreamLatencyMs);
        }

        Assert.Equal(requests.Count, point.RequestCount);
        Assert.Equal(requests.Count(r => r.Status is >= 400 and < 500), point.ErrorCount4xx);
        Assert.Equal(requests.Count(r => r.Status >= 500), point.ErrorCount5xx);
        Assert.Equal(requests.Sum(r => r.BytesIn), point.BytesIn);
        Assert.Equal(requests.Sum(r => r.BytesOut), point.BytesOut);
        Assert.Equal(latency.Quantile(0.5), point.LatencyP50Ms);
        Assert.Equal(latency.Quantile(0.95), point.LatencyP95Ms);
        Assert.Equal(latency.Quantile(0.99), point.LatencyP99Ms);
        Assert.Equal(upstream.Quantile(0.99), point.UpstreamLatencyP99Ms);
        Assert.Equal(proxy.Quantile(0.99), point.ProxyLatencyP99Ms);
    }

    private static string Dimensions(SimulatedRequest r, TrafficDimension[] groupBy) => string.Join('|', groupBy.Select(d => d switch
    {
        TrafficDimension.Service => r.ServiceId?.ToString(),
        TrafficDimension.Route => r.RouteId?.ToString(),
        TrafficDimension.Consumer => r.ConsumerId?.ToString(),
        TrafficDimension.StatusCodeClass => $"{r.Status / 100}xx",
        _ => r.NodeId.ToString(),
    }));

    private static string Key(IReadOnlyDictionary<string, object?> dimensions) => string.Join('|', new[] { "serviceId", "routeId", "consumerId", "statusCodeClass", "dataPlaneId" }
        .Where(dimensions.ContainsKey).Select(name => dimensions[name]?.ToString()));
}
