using KonnectES.Domain.Analytics;
using KonnectES.Projections.Analytics;

namespace KonnectES.Projections.Tests.Analytics;

public sealed class RollingUpTraffic(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 58, 0, TimeSpan.Zero);
    private TrafficHost _host = null!;

    public async Task InitializeAsync() => _host = await TrafficHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Reported_requests_add_up_to_exactly_their_number_split_by_route_consumer_and_status_class()
    {
        var cp = Guid.NewGuid();
        var traffic = new SimulatedTraffic(seed: 1, requests: 1_500, Start);

        await _host.SendAsync(cp, traffic.Reports(requestsPerReport: 100));
        var result = await _host.Analytics.QueryAsync(new TrafficQuery(cp, Start, Start.AddHours(1), RollupGranularity.Minute)
        {
            GroupBy = [TrafficDimension.Route, TrafficDimension.Consumer, TrafficDimension.StatusCodeClass],
        });

        Assert.Equal(traffic.Requests.Count, result.Totals.RequestCount);
        Assert.Equal(traffic.Requests.Count(r => r.Status is >= 400 and < 500), result.Totals.ErrorCount4xx);
        Assert.Equal(traffic.Requests.Count(r => r.Status >= 500), result.Totals.ErrorCount5xx);
        Assert.Equal(traffic.Requests.Sum(r => r.BytesIn), result.Totals.BytesIn);
        Assert.Equal(traffic.Requests.Sum(r => r.BytesOut), result.Totals.BytesOut);
        var expected = traffic.Requests
            .GroupBy(r => (Route: r.RouteId?.ToString(), Consumer: r.ConsumerId?.ToString(), Class: $"{r.Status / 100}xx"))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        var actual = result.Series.ToDictionary(
            s => ((string?)s.Dimensions["routeId"], (string?)s.Dimensions["consumerId"], (string)s.Dimensions["statusCodeClass"]!),
            s => s.Points.Sum(p => p.RequestCount));
        Assert.Equal(expected.OrderBy(e => e.Key.ToString()), actual.OrderBy(e => e.Key.ToString()));
        Assert.All(result.Series, s => Assert.Equal(s.Points.OrderBy(p => p.Timestamp).Select(p => p.Timestamp), s.Points.Select(p => p.Timestamp)));
    }

    [Fact]
    public async Task A_report_stored_twice_counts_once()
    {
        var cp = Guid.NewGuid();
        var report = Assert.Single(new SimulatedTraffic(seed: 2, requests: 40, Start, nodes: 1).Reports(requestsPerReport: 1_000));

        var first = await _host.Reports.AppendAsync(cp, report);
        var second = await _host.Reports.AppendAsync(cp, report);
        await _host.CatchUpAsync();
        var result = await _host.Analytics.QueryAsync(new TrafficQuery(cp, Start, Start.AddHours(1), RollupGranularity.Hour));

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(40, result.Totals.RequestCount);
    }

    [Fact]
    public async Task Hour_and_day_rollups_hold_the_sums_of_their_minutes()
    {
        var cp = Guid.NewGuid();
        var traffic = new SimulatedTraffic(seed: 3, requests: 800, Start, minutes: 5); // 10:58 to 11:02: two hours

        await _host.SendAsync(cp, traffic.Reports(requestsPerReport: 150));
        var minutes = await _host.Analytics.QueryAsync(new TrafficQuery(cp, Start.AddDays(-1), Start.AddDays(1), RollupGranularity.Minute) { GroupBy = [TrafficDimension.Route] });
        var hours = await _host.Analytics.QueryAsync(new TrafficQuery(cp, Start.AddDays(-1), Start.AddDays(1), RollupGranularity.Hour) { GroupBy = [TrafficDimension.Route] });
        var days = await _host.Analytics.QueryAsync(new TrafficQuery(cp, Start.AddDays(-1), Start.AddDays(1), RollupGranularity.Day) { GroupBy = [TrafficDimension.Route] });

        Assert.Equal(800, minutes.Totals.RequestCount);
        Assert.Equal(minutes.Totals, hours.Totals with { });
        Assert.Equal(minutes.Totals, days.Totals with { });
        Assert.All(hours.Series, s => Assert.Equal(
            [Start.AddMinutes(-58), Start.AddMinutes(2)], s.Points.Select(p => p.Timestamp!.Value)));
        Assert.All(days.Series, s => Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), Assert.Single(s.Points).Timestamp));
        foreach (var series in hours.Series)
        {
            var route = (string)series.Dimensions["routeId"]!;
            var ofRoute = minutes.Series.Single(s => (string)s.Dimensions["routeId"]! == route).Points;
            Assert.Equal(ofRoute.Where(p => p.Timestamp!.Value.Hour == 10).Sum(p => p.RequestCount), series.Points[0].RequestCount);
            Assert.Equal(ofRoute.Where(p => p.Timestamp!.Value.Hour == 11).Sum(p => p.RequestCount), series.Points[1].RequestCount);
        }
    }

    [Fact]
    public async Task Percentiles_are_within_one_percent_of_the_exact_percentiles_of_the_raw_latencies()
    {
        var cp = Guid.NewGuid();
        var traffic = new SimulatedTraffic(seed: 4, requests: 5_000, Start, nodes: 3);

        await _host.SendAsync(cp, traffic.Reports(requestsPerReport: 250));
        var result = await _host.Analytics.QueryAsync(new TrafficQuery(cp, Start, Start.AddHours(1), RollupGranularity.Minute) { GroupBy = [TrafficDimension.Route] });

        AssertWithinBound(traffic.Requests.Select(r => r.LatencyMs), 0.50, result.Totals.LatencyP50Ms);
        AssertWithinBound(traffic.Requests.Select(r => r.LatencyMs), 0.95, result.Totals.LatencyP95Ms);
        AssertWithinBound(traffic.Requests.Select(r => r.LatencyMs), 0.99, result.Totals.LatencyP99Ms);
        AssertWithinBound(traffic.Requests.Select(r => r.UpstreamLatencyMs), 0.99, result.Totals.UpstreamLatencyP99Ms);
        AssertWithinBound(traffic.Requests.Select(r => r.LatencyMs - r.UpstreamLatencyMs), 0.99, result.Totals.ProxyLatencyP99Ms);
        foreach (var series in result.Series)
        {
            foreach (var point in series.Points)
            {
                var requests = traffic.Requests.Where(r =>
                    r.RouteId.ToString() == (string?)series.Dimensions["routeId"] && SimulatedTraffic.Minute(r.CompletedAt) == point.Timestamp).ToList();
                Assert.Equal(requests.Count, point.RequestCount);
                AssertWithinBound(requests.Select(r => r.LatencyMs), 0.95, point.LatencyP95Ms);
            }
        }
    }

    [Fact]
    public async Task Filters_keep_only_the_requested_route_and_data_plane()
    {
        var cp = Guid.NewGuid();
        var traffic = new SimulatedTraffic(seed: 5, requests: 600, Start);

        await _host.SendAsync(cp, traffic.Reports(requestsPerReport: 100));
        var result = await _host.Analytics.QueryAsync(new TrafficQuery(cp, Start, Start.AddHours(1), RollupGranularity.Minute)
        {
            GroupBy = [TrafficDimension.DataPlane],
            RouteId = traffic.Routes[1],
            DataPlaneId = traffic.Nodes[0],
        });

        Assert.Equal(traffic.Requests.Count(r => r.RouteId == traffic.Routes[1] && r.NodeId == traffic.Nodes[0]), result.Totals.RequestCount);
        Assert.Equal(traffic.Nodes[0].ToString(), Assert.Single(result.Series).Dimensions["dataPlaneId"]);
    }

    [Fact]
    public async Task Another_control_planes_traffic_is_not_counted()
    {
        var (x, y) = (Guid.NewGuid(), Guid.NewGuid());

        await _host.SendAsync(x, new SimulatedTraffic(seed: 6, requests: 100, Start).Reports(requestsPerReport: 50));
        var ofY = await _host.Analytics.QueryAsync(new TrafficQuery(y, Start, Start.AddHours(1), RollupGranularity.Minute));

        Assert.Empty(ofY.Series);
        Assert.Equal(0, ofY.Totals.RequestCount);
        Assert.Null(ofY.Totals.LatencyP99Ms);
    }

    private static void AssertWithinBound(IEnumerable<double> values, double q, double? estimate)
    {
        var exact = SimulatedTraffic.ExactQuantile(values, q);
        Assert.NotNull(estimate);
        Assert.InRange(estimate.Value, exact * (1 - LatencyHistogram.RelativeAccuracy) - 1e-9, exact * (1 + LatencyHistogram.RelativeAccuracy) + 1e-9);
    }
}
