using System.Text.Json;
using KonnectES.Domain.Analytics;

namespace KonnectES.Domain.Tests.Analytics;

public sealed class ReportingTraffic
{
    [Fact]
    public void A_report_survives_its_snake_case_json_form()
    {
        var latency = new LatencyHistogram();
        latency.Record(12.5, 3);
        var minute = new DateTimeOffset(2026, 11, 22, 0, 10, 0, TimeSpan.Zero);
        var report = new TrafficReport(Guid.NewGuid(), Guid.NewGuid(), minute.AddSeconds(65), [
            new TrafficRow(minute, Guid.NewGuid(), Guid.NewGuid(), null, 200, 3, 300, 900, latency.ToData(), latency.ToData(), new LatencyHistogram().ToData()),
        ]);

        var json = TrafficReportJson.Serialize(report);
        var back = TrafficReportJson.Deserialize(json);

        Assert.Contains("\"report_id\"", json, StringComparison.Ordinal);
        Assert.Contains("\"upstream_latency\"", json, StringComparison.Ordinal);
        Assert.Equal(report.ReportId, back.ReportId);
        Assert.Equal(report.Rows[0] with { Latency = null!, UpstreamLatency = null!, ProxyLatency = null! }, back.Rows[0] with { Latency = null!, UpstreamLatency = null!, ProxyLatency = null! });
        Assert.Equal(latency.Buckets, LatencyHistogram.FromData(back.Rows[0].Latency).Buckets);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"report_id":"00000000-0000-0000-0000-000000000000","node_id":"6f1e3b52-0000-0000-0000-000000000001","sent_at":"2026-11-22T00:00:00Z","rows":[]}""")]
    [InlineData("""{"report_id":"6f1e3b52-0000-0000-0000-000000000002","node_id":"6f1e3b52-0000-0000-0000-000000000001","sent_at":"2026-11-22T00:00:00Z","rows":[{"minute":"2026-11-22T00:00:00Z","status":200,"count":1}]}""")]
    [InlineData("""{"report_id":"6f1e3b52-0000-0000-0000-000000000002","node_id":"6f1e3b52-0000-0000-0000-000000000001",""")]
    public void A_malformed_report_is_refused_with_a_json_error(string json) =>
        Assert.ThrowsAny<JsonException>(() => TrafficReportJson.Deserialize(json));
}
