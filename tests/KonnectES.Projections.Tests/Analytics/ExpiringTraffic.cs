using KonnectES.Projections.Analytics;

namespace KonnectES.Projections.Tests.Analytics;

public sealed class ExpiringTraffic(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private TrafficHost _host = null!;

    public async Task InitializeAsync() => _host = await TrafficHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Old_raw_reports_and_minute_rollups_are_deleted_while_hours_and_days_stay()
    {
        var cp = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var old = new SimulatedTraffic(seed: 8, requests: 300, SimulatedTraffic.Minute(now).AddDays(-3));
        var recent = new SimulatedTraffic(seed: 9, requests: 200, SimulatedTraffic.Minute(now).AddMinutes(-10));
        await _host.SendAsync(cp, old.Reports(requestsPerReport: 50));
        var hoursBefore = await _host.DumpAsync("traffic_hours");
        var daysBefore = await _host.DumpAsync("traffic_days");

        var minutesOnly = await _host.Retention.PurgeAsync(now);
        await _host.SendAsync(cp, recent.Reports(requestsPerReport: 50));
        var storedEvents = await TrafficEventsAsync();
        var everything = await _host.Retention.PurgeAsync(now.AddDays(8).AddMinutes(-5));

        Assert.Equal(0, minutesOnly.Events); // raw reports are younger than 7 days
        Assert.True(minutesOnly.Minutes > 0); // the minutes of three days ago are gone
        var ofOldDay = await _host.Analytics.QueryAsync(new TrafficQuery(cp, now.AddDays(-4), now.AddDays(-2), RollupGranularity.Minute));
        Assert.Equal(0, ofOldDay.Totals.RequestCount);
        Assert.Equal(storedEvents, everything.Events);
        Assert.Equal(0, await TrafficEventsAsync());
        Assert.Equal(0, await _host.ScalarAsync("SELECT count(*) FROM konnectes.traffic_reports_seen"));
        Assert.Equal(0, await _host.ScalarAsync("SELECT count(*) FROM konnectes.traffic_minutes"));
        Assert.Subset((await _host.DumpAsync("traffic_hours")).ToHashSet(), hoursBefore.ToHashSet());
        Assert.Subset((await _host.DumpAsync("traffic_days")).ToHashSet(), daysBefore.ToHashSet());
        var hours = await _host.Analytics.QueryAsync(new TrafficQuery(cp, now.AddDays(-4), now.AddDays(1), RollupGranularity.Hour));
        Assert.Equal(500, hours.Totals.RequestCount);
    }

    private Task<long> TrafficEventsAsync() => _host.ScalarAsync("SELECT count(*) FROM kes.events WHERE type = 'traffic_reported'");
}
