using System.Net;
using System.Text;
using System.Text.Json;
using KonnectES.Domain.Analytics;
using KonnectES.EventStore;
using KonnectES.Server.Tests.Cluster;
using KonnectES.Server.Tests.Portal;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectES.Server.Tests.Analytics;

public sealed class ReportingTrafficOverTheClusterPort(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const string Query = """
        query($cp: ID, $from: DateTime!, $to: DateTime!, $g: Granularity!, $by: [AnalyticsDimension!], $f: AnalyticsFilter) {
          controlPlane(id: $cp) { analytics(from: $from, to: $to, granularity: $g, groupBy: $by, filter: $f) {
            series { dimensions points { timestamp requestCount errorCount4xx errorCount5xx latencyP99Ms } }
            totals { timestamp requestCount errorCount4xx errorCount5xx latencyP50Ms latencyP95Ms latencyP99Ms upstreamLatencyP99Ms proxyLatencyP99Ms bytesIn bytesOut } } }
        }
        """;

    private static readonly DateTimeOffset Minute = new(2026, 5, 4, 12, 30, 0, TimeSpan.Zero);
    private ClusterHost _host = null!;

    public async Task InitializeAsync() => _host = await ClusterHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Reported_requests_show_up_in_the_portal_exactly_once_split_by_route_consumer_and_status_class()
    {
        var cp = await _host.CreateControlPlaneAsync("traffic");
        using var dataPlane = _host.Cluster(await _host.DataPlaneTokenAsync(cp));
        var (routeA, routeB, consumer, node) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var first = Report(node, Row(routeA, consumer, 200, 7), Row(routeA, null, 404, 2), Row(routeB, consumer, 503, 1));
        var second = Report(node, Row(routeA, consumer, 200, 3), Row(routeB, null, 201, 5));

        var responses = new[] { await PostAsync(dataPlane, first), await PostAsync(dataPlane, second), await PostAsync(dataPlane, first) };
        await CatchUpAsync();
        var analytics = await AnalyticsAsync(_host.Admin, cp, "MINUTE", ["ROUTE", "CONSUMER", "STATUS_CODE_CLASS"]);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r));
        var totals = analytics.GetProperty("totals");
        Assert.Equal(18, totals.GetProperty("requestCount").GetInt32());
        Assert.Equal(2, totals.GetProperty("errorCount4xx").GetInt32());
        Assert.Equal(1, totals.GetProperty("errorCount5xx").GetInt32());
        var counts = analytics.GetProperty("series").EnumerateArray().ToDictionary(
            s => $"{s.GetProperty("dimensions").GetProperty("routeId")}/{s.GetProperty("dimensions").GetProperty("consumerId")}/{s.GetProperty("dimensions").GetProperty("statusCodeClass")}",
            s => s.GetProperty("points").EnumerateArray().Sum(p => p.GetProperty("requestCount").GetInt32()));
        Assert.Equal(
            new Dictionary<string, int>
            {
                [$"{routeA}/{consumer}/2xx"] = 10,
                [$"{routeA}//4xx"] = 2,
                [$"{routeB}/{consumer}/5xx"] = 1,
                [$"{routeB}//2xx"] = 5,
            }.OrderBy(e => e.Key),
            counts.OrderBy(e => e.Key));
    }

    [Fact]
    public async Task A_malformed_report_is_refused_with_a_message_and_a_missing_token_with_401()
    {
        var cp = await _host.CreateControlPlaneAsync("malformed");
        using var dataPlane = _host.Cluster(await _host.DataPlaneTokenAsync(cp));
        using var anonymous = _host.Cluster(null);

        using var malformed = await dataPlane.PostAsync(new Uri("/v1/traffic", UriKind.Relative), Json("""{"report_id": "not-a-uuid", "rows": []}"""));
        using var incomplete = await dataPlane.PostAsync(new Uri("/v1/traffic", UriKind.Relative), Json($$"""{"report_id": "{{Guid.NewGuid()}}", "node_id": "{{Guid.NewGuid()}}", "sent_at": "2026-05-04T12:30:00Z"}"""));
        using var unauthenticated = await anonymous.PostAsync(new Uri("/v1/traffic", UriKind.Relative), Json(TrafficReportJson.Serialize(Report(Guid.NewGuid(), Row(null, null, 404, 1)))));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.StartsWith("malformed traffic report", (await ClusterHost.JsonAsync(malformed)).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task A_data_plane_token_of_one_control_plane_reports_only_to_it_and_its_readers_see_only_its_traffic()
    {
        var x = await _host.CreateControlPlaneAsync("x-traffic");
        var y = await _host.CreateControlPlaneAsync("y-traffic");
        using var dataPlaneOfX = _host.Cluster(await _host.DataPlaneTokenAsync(x));
        using var dataPlaneOfY = _host.Cluster(await _host.DataPlaneTokenAsync(y));
        var viewerOfY = _host.Admin.As(await ViewerTokenAsync(y));

        await PostAsync(dataPlaneOfX, Report(Guid.NewGuid(), Row(Guid.NewGuid(), null, 200, 11)));
        await PostAsync(dataPlaneOfY, Report(Guid.NewGuid(), Row(Guid.NewGuid(), null, 200, 4)));
        await CatchUpAsync();

        Assert.Equal(11, (await AnalyticsAsync(_host.Admin, x, "HOUR", [])).GetProperty("totals").GetProperty("requestCount").GetInt32());
        Assert.Equal(4, (await AnalyticsAsync(viewerOfY, y, "HOUR", [])).GetProperty("totals").GetProperty("requestCount").GetInt32());
        var ofXForViewerOfY = await viewerOfY.DataAsync(Query, Variables(x, "HOUR", []));
        Assert.Equal(JsonValueKind.Null, ofXForViewerOfY.GetProperty("controlPlane").ValueKind);
    }

    [Fact]
    public async Task Config_changes_are_counted_per_day_actor_and_entity_kind()
    {
        var cp = await _host.CreateControlPlaneAsync("changes");
        await _host.CreateServiceAsync(cp, "a.internal");
        await _host.CreateServiceAsync(cp, "b.internal");

        var data = await _host.Admin.DataAsync(
            "query($cp: ID, $from: DateTime!, $to: DateTime!) { controlPlane(id: $cp) { configChangeAnalytics(from: $from, to: $to) { day actor entityType count } } }",
            new { cp, from = DateTimeOffset.UtcNow.AddDays(-1), to = DateTimeOffset.UtcNow.AddDays(1) });

        var services = data.GetProperty("controlPlane").GetProperty("configChangeAnalytics").EnumerateArray()
            .Single(c => c.GetProperty("entityType").GetString() == "SERVICE");
        Assert.Equal(2, services.GetProperty("count").GetInt32());
        Assert.False(string.IsNullOrEmpty(services.GetProperty("actor").GetString()));
        Assert.Equal(DateTimeOffset.UtcNow.UtcDateTime.Date, services.GetProperty("day").GetDateTimeOffset().UtcDateTime.Date);
    }

    private static TrafficReport Report(Guid node, params TrafficRow[] rows) => new(Guid.NewGuid(), node, DateTimeOffset.UtcNow, rows);

    private static TrafficRow Row(Guid? route, Guid? consumer, int status, int count)
    {
        var latency = new LatencyHistogram();
        for (var i = 1; i <= count; i++)
        {
            latency.Record(i * 10);
        }

        return new TrafficRow(Minute, route is null ? null : Guid.NewGuid(), route, consumer, status, count, count * 100, count * 1_000,
            latency.ToData(), latency.ToData(), new LatencyHistogram().ToData());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<HttpStatusCode> PostAsync(HttpClient dataPlane, TrafficReport report)
    {
        using var response = await dataPlane.PostAsync(new Uri("/v1/traffic", UriKind.Relative), Json(TrafficReportJson.Serialize(report)));
        return response.StatusCode;
    }

    private Task CatchUpAsync() => ProjectionCatchUp.WaitAsync(
        _host.Services.GetRequiredService<IEventStore>(),
        _host.Services.GetRequiredService<IProjectionDaemon>(),
        _host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EventStoreOptions>>().Value.Schema);

    private async Task<string> ViewerTokenAsync(string controlPlaneId) =>
        (await _host.Admin.DataAsync(
            "mutation($cp: ID) { createApiToken(input: {name: \"viewer\", roles: [{role: VIEWER, controlPlaneId: $cp}]}) { token errors { code } } }",
            new { cp = controlPlaneId }))
            .GetProperty("createApiToken").GetProperty("token").GetString()!;

    private static object Variables(string cp, string granularity, string[] groupBy) =>
        new { cp, from = Minute.AddHours(-1), to = Minute.AddHours(1), g = granularity, by = groupBy, f = (object?)null };

    private static async Task<JsonElement> AnalyticsAsync(PortalClient client, string cp, string granularity, string[] groupBy) =>
        (await client.DataAsync(Query, Variables(cp, granularity, groupBy))).GetProperty("controlPlane").GetProperty("analytics");
}
