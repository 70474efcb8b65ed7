using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KonnectES.ControlPlane.Configuration;
using KonnectES.Domain;
using KonnectES.Domain.Analytics;
using KonnectES.EventStore;
using KonnectES.Postgres;
using KonnectES.Projections.Analytics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KonnectES.ControlPlane.Benchmarks;

/// <summary>
/// The <c>analytics</c> part: (1) ingest rate — reports parsed from their wire JSON, stored once per report id and rolled
/// up by the projection until it has caught up; (2) a 24-hour per-minute query grouped by route over 100 routes, through
/// <see cref="TrafficAnalyticsReader"/> and through the portal's GraphQL over HTTP, with a breakdown of where the time
/// goes; (3) other shapes of query on the same data.
/// Run with <c>dotnet run -c Release --project tests/KonnectES.ControlPlane.Benchmarks -- analytics</c>.
/// </summary>
internal static class AnalyticsBenchmark
{
    private const int Routes = 100;
    private const string AdminToken = "kes_bench_analytics_admin_token";
    private static string s_postgresData = "";

    private const string PointFields = "timestamp requestCount errorCount4xx errorCount5xx latencyP50Ms latencyP95Ms latencyP99Ms upstreamLatencyP99Ms proxyLatencyP99Ms bytesIn bytesOut";

    public static async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var root = Directory.CreateTempSubdirectory("konnectes-analytics-bench").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        }

        var pgOptions = new PrivatePostgresOptions { DataDirectory = Path.Combine(root, "pg") };
        s_postgresData = pgOptions.DataDirectory;
        pgOptions.Settings["shared_buffers"] = "1GB";
        pgOptions.Settings["max_wal_size"] = "8GB";
        await using var postgres = new PrivatePostgres(pgOptions);
        await postgres.StartAsync(cancellationToken);
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddEventStore(o =>
        {
            o.ConnectionString = postgres.ConnectionString;
            o.RegisterConfigEvents();
        }).AddConfigReadModels().AddTrafficAnalytics();
        builder.Services.AddControlPlane(o => o.AdminToken = AdminToken);
        await using var app = builder.Build();
        app.MapPortal();
        await app.StartAsync(cancellationToken);
        var results = new List<string>();
        var reports = app.Services.GetRequiredService<TrafficReportStore>();
        var reader = app.Services.GetRequiredService<TrafficAnalyticsReader>();
        var routes = Enumerable.Range(0, Routes).Select(_ => (Service: Guid.NewGuid(), Route: Guid.NewGuid())).ToArray();
        var consumers = Enumerable.Range(0, 10).Select(_ => (Guid?)Guid.NewGuid()).Append(null).ToArray();
        var random = new Random(42);
        Console.WriteLine($"load average at start: {LoadAverage()}");

        // 1. Ingest: 100 nodes x 1,000 requests/s, flushed every 10 s = 10 reports/s of 10,000 requests each. A report's
        //    rows: its requests spread over 100 routes x 2 statuses = 200 rows (one minute; a flush that crosses a minute
        //    boundary has up to twice as many). 400 reports: 40 s of that traffic.
        var busy = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var nodes = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()).ToArray();
        var wire = Enumerable.Range(0, 400).Select(i =>
            TrafficReportJson.Serialize(BusyReport(nodes[i % nodes.Length], minute.AddMinutes(i / 100), routes, consumers, random))).ToArray();
        var rowsPerReport = TrafficReportJson.Deserialize(wire[0]).Rows.Count;
        var ingestCpu = CpuMilliseconds();
        var ingestWatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(wire, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (json, ct) =>
            await reports.AppendAsync(busy, TrafficReportJson.Deserialize(json), ct));
        var stored = ingestWatch.Elapsed;
        await CatchUpAsync(app.Services, cancellationToken);
        var caughtUp = ingestWatch.Elapsed;
        var ingestCpuAfter = CpuMilliseconds();
        var cpuPerReport = ((ingestCpuAfter.Ours - ingestCpu.Ours) + (ingestCpuAfter.Postgres - ingestCpu.Postgres)) / wire.Length;
        var storedRate = wire.Length / stored.TotalSeconds;
        var rolledUpRate = wire.Length / caughtUp.TotalSeconds;
        Console.WriteLine($"ingest: {wire.Length} reports x {rowsPerReport} rows ({wire.Length * 10_000:N0} requests, 100 nodes); load average {LoadAverage()}");
        results.Add($"| ingest: stored (parse + dedupe + append, 8 concurrent) | {storedRate:0} reports/s ({storedRate * rowsPerReport:N0} rows/s) | 10 reports/s | {storedRate / 10:0.0}× | {Verdict(storedRate >= 10)} |");
        results.Add(
            $"| ingest: CPU per report, stored and rolled up ({(ingestCpuAfter.Ours - ingestCpu.Ours) / wire.Length:0} ms here + {(ingestCpuAfter.Postgres - ingestCpu.Postgres) / wire.Length:0} ms PostgreSQL) " +
            $"| {cpuPerReport:0} ms: 2 idle cores would take {2_000 / cpuPerReport:0} reports/s | ≤ 200 ms (10 reports/s on 2 cores) | {200 / cpuPerReport:0.0}× | {Verdict(cpuPerReport <= 200)} |");
        results.Add($"| ingest: stored and rolled up (projection caught up) | {rolledUpRate:0} reports/s ({rolledUpRate * rowsPerReport:N0} rows/s) | 10 reports/s (2,000 rows/s) | {rolledUpRate / 10:0.0}× | {Verdict(rolledUpRate >= 10)} |");

        // 2. Query: 24 hours of minutes for 100 routes (one node, 2xx and 5xx rows: 288,000 report rows), sent as 144
        //    reports of 10 minutes each.
        var handler = app.Services.GetRequiredService<ConfigCommandHandler>();
        var day = Guid.NewGuid();
        var created = await handler.HandleAsync(day, new CreateControlPlane(new Domain.ControlPlane { Name = "analytics" }), new CommandContext("bench"), cancellationToken);
        if (!created.IsSuccess)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors));
        }

        var start = minute.AddDays(-1);
        var seed = Stopwatch.StartNew();
        var seedReports = Enumerable.Range(0, 144).AsParallel().AsOrdered()
            .Select(r => QuietReport(start.AddMinutes(r * 10), 10, routes, new Random(r))).ToList();
        var built = seed.Elapsed;
        await Parallel.ForEachAsync(seedReports, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (report, ct) =>
            await reports.AppendAsync(day, report, ct));
        var appended = seed.Elapsed;
        await CatchUpAsync(app.Services, cancellationToken);
        var seedRows = seedReports.Sum(r => r.Rows.Count);
        Console.WriteLine(
            $"seed: 1,440 minutes x {Routes} routes x 2 status classes = {seedRows:N0} rows in {seed.Elapsed.TotalSeconds:0.0} s " +
            $"(built {built.TotalSeconds:0.0} s, stored {(appended - built).TotalSeconds:0.0} s, rolled up {(seed.Elapsed - appended).TotalSeconds:0.0} s = " +
            $"{seedRows / (seed.Elapsed - appended).TotalSeconds:N0} rows/s); load average {LoadAverage()}");
        results.Add($"| seeding 288,000 rows (144 reports of 10 minutes, stored and rolled up) | {seed.Elapsed.TotalSeconds:0.0} s ({seedRows / (seed.Elapsed - built).TotalSeconds:N0} rows/s) | | | |");

        var byRoute = new TrafficQuery(day, start, minute, RollupGranularity.Minute) { GroupBy = [TrafficDimension.Route] };
        var (readerTimes, answer) = await TimeAsync(() => reader.QueryAsync(byRoute, cancellationToken));
        var readerCpu = s_lastCpu;
        var points = answer.Series.Sum(s => s.Points.Count);
        results.Add($"| 24 h per minute by route, reader ({answer.Series.Count} series, {points:N0} points; median / max) | {readerTimes.Format(50)} / {readerTimes.Format(100)} ms (CPU per query: {readerCpu}) | ≤ 100 ms | {100 / readerTimes.Percentile(50):0.0}× | {Verdict(readerTimes.Percentile(50) <= 100)} |");

        // Where the time goes: the database alone, then the database and the transfer of the packed minutes, then the rest.
        var dataSource = app.Services.GetRequiredService<IEventStore>().DataSource;
        const string PointsSql = """
            SELECT bucket, route_id, points FROM konnectes.traffic_route_minute_points
            WHERE control_plane_id = $1 AND bucket >= $2 AND bucket < $3 ORDER BY bucket
            """;
        var hour = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, 0, 0, TimeSpan.Zero);
        var (sqlTimes, rowCount) = await TimeAsync(() => ScalarAsync(dataSource, $"SELECT count(*) FROM ({PointsSql}) p", day, hour, minute, cancellationToken));
        var sqlCpu = s_lastCpu;
        var (transferTimes, bytes) = await TimeAsync(() => ReadAllAsync(dataSource, PointsSql, day, hour, minute, cancellationToken));
        results.Add($"| … of which the database (count of the {rowCount:N0} rows of minutes packed per hour) | {sqlTimes.Format(50)} ms (CPU: {sqlCpu}) | | | |");
        results.Add($"| … of which the database and the transfer (those rows read, {bytes / 1024.0 / 1024.0:0.0} MB) | {transferTimes.Format(50)} ms (CPU: {s_lastCpu}) | | | |");

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        var graphql = JsonSerializer.Serialize(new
        {
            query = $$"""
                query($cp: ID, $from: DateTime!, $to: DateTime!) {
                  controlPlane(id: $cp) { analytics(from: $from, to: $to, granularity: MINUTE, groupBy: [ROUTE]) {
                    series { dimensions points { {{PointFields}} } } totals { {{PointFields}} } } }
                }
                """,
            variables = new { cp = day, from = start, to = minute },
        });
        var (graphqlTimes, body) = await TimeAsync(() => PostAsync(http, graphql, cancellationToken));
        results.Add($"| 24 h per minute by route, portal GraphQL over HTTP ({body / 1024.0 / 1024.0:0.0} MB of JSON; median / max) | {graphqlTimes.Format(50)} / {graphqlTimes.Format(100)} ms (CPU per query: {s_lastCpu}) | ≤ 100 ms | {100 / graphqlTimes.Percentile(50):0.00}× | {Verdict(graphqlTimes.Percentile(50) <= 100)} |");

        // 3. Other shapes, each answered from the narrowest rollup that keeps its dimensions.
        foreach (var (name, query) in new[]
        {
            ("24 h per hour by route", byRoute with { Granularity = RollupGranularity.Hour }),
            ("24 h per minute by route and status class", byRoute with { GroupBy = [TrafficDimension.Route, TrafficDimension.StatusCodeClass] }),
            ("24 h per minute, no grouping", byRoute with { GroupBy = [] }),
            ("24 h per minute by service", byRoute with { GroupBy = [TrafficDimension.Service] }),
            ("24 h per minute, one route", byRoute with { GroupBy = [], RouteId = routes[7].Route }),
            ("24 h per hour by data plane (the full rollup)", byRoute with { Granularity = RollupGranularity.Hour, GroupBy = [TrafficDimension.DataPlane] }),
        })
        {
            var (times, result) = await TimeAsync(() => reader.QueryAsync(query, cancellationToken));
            results.Add($"| {name}, reader ({result.Series.Count} series, {result.Series.Sum(s => s.Points.Count):N0} points; median / max) | {times.Format(50)} / {times.Format(100)} ms (CPU per query: {s_lastCpu}) | | | |");
        }

        Console.WriteLine($"load average at the end: {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| measurement | result | goal | ratio to the goal | |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var line in results)
        {
            Console.WriteLine(line);
        }

        await app.StopAsync(cancellationToken);
    }

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>
    /// Two warm-up runs, then ten timed ones; also the CPU time they used, in this process and in PostgreSQL, per run
    /// (on a machine shared with other work, CPU time says more about the cost than the elapsed time).
    /// </summary>
    private static async Task<(Latencies Times, T Last)> TimeAsync<T>(Func<Task<T>> run)
    {
        var times = new Latencies();
        var last = default(T);
        (double Ours, double Postgres) before = default;
        GC.Collect();
        for (var i = 0; i < 12; i++)
        {
            if (i == 2)
            {
                before = CpuMilliseconds();
            }

            var watch = Stopwatch.StartNew();
            last = await run();
            watch.Stop();
            if (i >= 2)
            {
                times.Add(watch.Elapsed);
            }
        }

        var after = CpuMilliseconds();
        s_lastCpu = $"{(after.Ours - before.Ours) / 10:0} ms here + {(after.Postgres - before.Postgres) / 10:0} ms PostgreSQL";
        return (times, last!);
    }

    private static string s_lastCpu = "";

    /// <summary>CPU time so far of this process and of the private PostgreSQL's processes, in milliseconds (Linux only).</summary>
    private static (double Ours, double Postgres) CpuMilliseconds()
    {
        var ours = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        var pidFile = Path.Combine(s_postgresData, "postmaster.pid");
        if (!OperatingSystem.IsLinux() || !File.Exists(pidFile))
        {
            return (ours, 0);
        }

        var postmaster = File.ReadLines(pidFile).First().Trim();
        double ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (Path.GetFileName(dir) == postmaster || fields[1] == postmaster)
                {
                    ticks += double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // the process ended meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                // not ours to read
            }
        }

        return (ours, ticks * 10); // 100 clock ticks per second
    }

    private static async Task<long> ScalarAsync(Npgsql.NpgsqlDataSource dataSource, string sql, Guid cp, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = cp });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = from });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = to });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Reads every field of every row; returns the bytes received (the fields' sizes).</summary>
    private static async Task<long> ReadAllAsync(Npgsql.NpgsqlDataSource dataSource, string sql, Guid cp, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = cp });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = from });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = to });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long bytes = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            _ = reader.GetFieldValue<DateTimeOffset>(0);
            _ = reader.GetGuid(1);
            bytes += 8 + 16 + reader.GetFieldValue<byte[]>(2).Length;
        }

        return bytes;
    }

    private static async Task<long> PostAsync(HttpClient http, string body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/graphql", content, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || bytes.AsSpan().IndexOf("\"errors\""u8) >= 0)
        {
            throw new InvalidOperationException($"GraphQL answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 500)))}");
        }

        return bytes.Length;
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

    /// <summary>One node's rows of <paramref name="minutes"/> minutes from <paramref name="first"/>: 50 2xx and 2 5xx requests per route and minute.</summary>
    private static TrafficReport QuietReport(DateTimeOffset first, int minutes, (Guid Service, Guid Route)[] routes, Random random) =>
        new(Guid.NewGuid(), new Guid("00000000-0000-0000-0000-0000000000d1"), DateTimeOffset.UtcNow,
            [.. Enumerable.Range(0, minutes).SelectMany(m => routes.SelectMany(r => new[]
            {
                Row(first.AddMinutes(m), r.Service, r.Route, null, 200, 50, random),
                Row(first.AddMinutes(m), r.Service, r.Route, null, 500, 2, random),
            }))]);

    private static TrafficRow Row(DateTimeOffset minute, Guid service, Guid route, Guid? consumer, int status, int count, Random random)
    {
        LatencyHistogram total = new(), upstream = new(), proxy = new();
        for (var i = 0; i < count; i++)
        {
            var upstreamMs = Math.Exp(random.NextDouble() * 5);
            var proxyMs = 0.2 + random.NextDouble();
            upstream.Record(upstreamMs);
            proxy.Record(proxyMs);
            total.Record(upstreamMs + proxyMs);
        }

        return new TrafficRow(minute, service, route, consumer, status, count, count * 300L, count * 4_000L, total.ToData(), upstream.ToData(), proxy.ToData());
    }
}
