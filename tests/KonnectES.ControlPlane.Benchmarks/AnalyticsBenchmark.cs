using System.Diagnostics;
using KonnectES.Domain.Analytics;
using KonnectES.EventStore;
using KonnectES.Postgres;
using KonnectES.Projections.Analytics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KonnectES.ControlPlane.Benchmarks;

/// <summary>
/// The <c>analytics</c> part: (1) ingest rate — reports parsed from their wire JSON, stored once per report id and rolled
/// up by the projection until it has caught up; (2) a 24-hour per-minute query grouped by route over 100 routes.
/// Run with <c>dotnet run -c Release --project tests/KonnectES.ControlPlane.Benchmarks -- analytics</c>.
/// </summary>
internal static class AnalyticsBenchmark
{
    private const int Routes = 100;

    public static async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var root = Directory.CreateTempSubdirectory("konnectes-analytics-bench").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        }

        var pgOptions = new PrivatePostgresOptions { DataDirectory = Path.Combine(root, "pg") };
        pgOptions.Settings["shared_buffers"] = "1GB";
        pgOptions.Settings["max_wal_size"] = "8GB";
        await using var postgres = new PrivatePostgres(pgOptions);
        await postgres.StartAsync(cancellationToken);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddEventStore(o =>
        {
            o.ConnectionString = postgres.ConnectionString;
            o.RegisterConfigEvents();
        }).AddConfigReadModels().AddTrafficAnalytics();
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var reports = host.Services.GetRequiredService<TrafficReportStore>();
        var reader = host.Services.GetRequiredService<TrafficAnalyticsReader>();
        var routes = Enumerable.Range(0, Routes).Select(_ => (Service: Guid.NewGuid(), Route: Guid.NewGuid())).ToArray();
        var consumers = Enumerable.Range(0, 10).Select(_ => (Guid?)Guid.NewGuid()).Append(null).ToArray();
        var random = new Random(42);

        // 1. Ingest: 100 nodes x 1,000 requests/s, flushed every 10 s = 10 reports/s of 10,000 requests each. A report's
        //    rows: its requests spread over 100 routes x 2 statuses = 200 rows (one minute; a flush that crosses a minute
        //    boundary has up to twice as many).
        var busy = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var nodes = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()).ToArray();
        var wire = Enumerable.Range(0, 200).Select(i =>
            TrafficReportJson.Serialize(BusyReport(nodes[i % nodes.Length], minute.AddMinutes(i / 100), routes, consumers, random))).ToArray();
        var rowsPerReport = TrafficReportJson.Deserialize(wire[0]).Rows.Count;
        var ingestWatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(wire, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (json, ct) =>
            await reports.AppendAsync(busy, TrafficReportJson.Deserialize(json), ct));
        var stored = ingestWatch.Elapsed;
        await CatchUpAsync(host.Services, cancellationToken);
        var caughtUp = ingestWatch.Elapsed;
        Console.WriteLine($"ingest: {wire.Length} reports x {rowsPerReport} rows ({wire.Length * 10_000:N0} requests)");
        Console.WriteLine($"  stored (parse + dedupe + append, 8 concurrent): {stored.TotalSeconds:0.00} s = {wire.Length / stored.TotalSeconds:0} reports/s");
        Console.WriteLine($"  stored and rolled up (projection caught up): {caughtUp.TotalSeconds:0.00} s = {wire.Length / caughtUp.TotalSeconds:0} reports/s, {wire.Length * rowsPerReport / caughtUp.TotalSeconds:0} rows/s");
        Console.WriteLine($"  goal: 10 reports/s (2,000 rows/s) => {wire.Length / caughtUp.TotalSeconds / 10:0.0}x the goal");

        // 2. Query: 24 hours of minutes for 100 routes (one node, 2xx and 5xx rows: 288,000 minute rows).
        var day = Guid.NewGuid();
        var start = minute.AddDays(-1);
        var seed = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, 1_440), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (m, ct) =>
            await reports.AppendAsync(day, QuietReport(start.AddMinutes(m), routes, random), ct));
        await CatchUpAsync(host.Services, cancellationToken);
        Console.WriteLine($"query: seeded 1,440 minutes x {Routes} routes x 2 status classes in {seed.Elapsed.TotalSeconds:0.0} s");
        foreach (var granularity in new[] { RollupGranularity.Minute, RollupGranularity.Hour })
        {
            var query = new TrafficQuery(day, start, minute, granularity) { GroupBy = [TrafficDimension.Route] };
            var times = new List<double>();
            TrafficAnalytics? result = null;
            for (var i = 0; i < 12; i++)
            {
                var watch = Stopwatch.StartNew();
                result = await reader.QueryAsync(query, cancellationToken);
                watch.Stop();
                if (i >= 2)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            Console.WriteLine(
                $"  24 h per {granularity.ToString().ToLowerInvariant()} by route: {result!.Series.Count} series, {result.Series.Sum(s => s.Points.Count):N0} points; " +
                $"median {times[times.Count / 2]:0} ms, max {times[^1]:0} ms (goal <= 100 ms)");
        }

        await host.StopAsync(cancellationToken);
    }

    private static async Task CatchUpAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var last = Position.Start;
        await foreach (var e in services.GetRequiredService<IEventStore>().ReadAllAsync(Position.Start, cancellationToken))
        {
            last = e.Position;
        }

        await services.GetRequiredService<IProjectionDaemon>().WaitForNonStaleAsync(last, TimeSpan.FromMinutes(30), cancellationToken);
    }

    private static TrafficReport BusyReport(Guid node, DateTimeOffset minute, (Guid Service, Guid Route)[] routes, Guid?[] consumers, Random random)
    {
        var rows = new List<TrafficRow>(routes.Length * 2);
        foreach (var (service, route) in routes)
        {
            foreach (var (status, count) in new[] { (200, 95), (503, 5) })
            {
                rows.Add(Row(minute, service, route, consumers[random.Next(consumers.Length)], status, count, random));
            }
        }

        return new TrafficReport(Guid.NewGuid(), node, DateTimeOffset.UtcNow, rows);
    }

    private static TrafficReport QuietReport(DateTimeOffset minute, (Guid Service, Guid Route)[] routes, Random random) =>
        new(Guid.NewGuid(), new Guid("00000000-0000-0000-0000-0000000000d1"), DateTimeOffset.UtcNow,
            [.. routes.SelectMany(r => new[] { Row(minute, r.Service, r.Route, null, 200, 50, random), Row(minute, r.Service, r.Route, null, 500, 2, random) })]);

    private static TrafficRow Row(DateTimeOffset minute, Guid service, Guid route, Guid? consumer, int status, int count, Random random)
    {
        LatencyHistogram total = new(), upstream = new(), proxy = new();
        lock (random)
        {
            for (var i = 0; i < count; i++)
            {
                var upstreamMs = Math.Exp(random.NextDouble() * 5);
                var proxyMs = 0.2 + random.NextDouble();
                upstream.Record(upstreamMs);
                proxy.Record(proxyMs);
                total.Record(upstreamMs + proxyMs);
            }
        }

        return new TrafficRow(minute, service, route, consumer, status, count, count * 300L, count * 4_000L, total.ToData(), upstream.ToData(), proxy.ToData());
    }
}
