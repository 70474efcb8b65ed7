using KonnectES.DataPlane.Traffic;
using KonnectES.Domain.Analytics;

namespace KonnectES.DataPlane.Tests.Traffic;

public sealed class AggregatingTraffic
{
    private static readonly DateTimeOffset Minute = new(2026, 11, 22, 10, 15, 0, TimeSpan.Zero);

    [Fact]
    public void Requests_fold_into_one_row_per_minute_route_consumer_and_status()
    {
        var recorder = new TrafficRecorder();
        var route = Guid.NewGuid();
        var service = Guid.NewGuid();
        var consumer = Guid.NewGuid();
        recorder.Record(Request(Minute.AddSeconds(1), service, route, consumer, 200, totalMs: 10, upstreamMs: 8));
        recorder.Record(Request(Minute.AddSeconds(59), service, route, consumer, 200, totalMs: 30, upstreamMs: 25));
        recorder.Record(Request(Minute.AddSeconds(60), service, route, consumer, 200, totalMs: 5, upstreamMs: 4));
        recorder.Record(Request(Minute.AddSeconds(2), service, route, null, 401, totalMs: 1, upstreamMs: null));
        recorder.Record(Request(Minute.AddSeconds(3), null, null, null, 404, totalMs: 0.5, upstreamMs: null));

        var rows = recorder.Collect();

        Assert.Equal(4, rows.Count);
        var first = Assert.Single(rows, r => r.Minute == Minute && r.Status == 200);
        Assert.Equal((2L, 200L, 2_000L), (first.Count, first.BytesIn, first.BytesOut));
        Assert.Equal(2, LatencyHistogram.FromData(first.UpstreamLatency).Count);
        Assert.InRange(LatencyHistogram.FromData(first.Latency).Quantile(1)!.Value, 29.7, 30);
        Assert.InRange(LatencyHistogram.FromData(first.ProxyLatency).Quantile(1)!.Value, 4.95, 5);
        var unauthorized = Assert.Single(rows, r => r.Status == 401);
        Assert.Equal(0, LatencyHistogram.FromData(unauthorized.UpstreamLatency).Count);
        Assert.Equal(1, LatencyHistogram.FromData(unauthorized.ProxyLatency).Count);
        Assert.Single(rows, r => r.Minute == Minute.AddMinutes(1));
        Assert.Single(rows, r => r.RouteId is null && r.Status == 404);
        Assert.Empty(recorder.Collect());
    }

    [Fact]
    public async Task Concurrent_recording_and_collecting_loses_and_duplicates_nothing()
    {
        var recorder = new TrafficRecorder();
        var routes = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        const int Writers = 4;
        const int PerWriter = 20_000;
        var collected = new List<TrafficRow>();
        using var done = new CancellationTokenSource();
        var collector = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                collected.AddRange(recorder.Collect());
                await Task.Yield();
            }
        });

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                recorder.Record(Request(Minute.AddSeconds(i % 120), Guid.Empty, routes[i % routes.Length], null, 200 + (i % 3), totalMs: i % 50, upstreamMs: null));
            }
        })));
        await done.CancelAsync();
        await collector;
        collected.AddRange(recorder.Collect());

        Assert.Equal(Writers * PerWriter, collected.Sum(r => r.Count));
        Assert.Equal(Writers * PerWriter, collected.Sum(r => LatencyHistogram.FromData(r.Latency).Count));
        Assert.Equal(Writers * PerWriter * 100L, collected.Sum(r => r.BytesIn));
    }

    [Fact]
    public void A_full_buffer_drops_the_oldest_reports_and_counts_their_requests()
    {
        var buffer = new TrafficBuffer(maxRows: 3);
        var reports = Enumerable.Range(0, 4).Select(i => Report(rows: 1, requestsPerRow: i + 1)).ToArray();
        foreach (var report in reports)
        {
            buffer.Add(report);
        }

        Assert.Equal(3, buffer.Count);
        Assert.Same(reports[1], buffer.Peek());
        Assert.Equal(1, buffer.DroppedRequests);

        buffer.Remove(reports[1]);
        Assert.Same(reports[2], buffer.Peek());
        Assert.Equal(2, buffer.Rows);
    }

    private static TrafficReport Report(int rows, long requestsPerRow)
    {
        var empty = new LatencyHistogram().ToData();
        return new TrafficReport(Guid.NewGuid(), Guid.NewGuid(), Minute, [
            .. Enumerable.Range(0, rows).Select(_ => new TrafficRow(Minute, null, null, null, 200, requestsPerRow, 0, 0, empty, empty, empty)),
        ]);
    }

    private static ProxiedRequest Request(DateTimeOffset at, Guid? service, Guid? route, Guid? consumer, int status, double totalMs, double? upstreamMs) =>
        new(at, service, service?.ToString() ?? "", route, route?.ToString() ?? "", consumer, status, 100, 1_000, totalMs, upstreamMs);
}
