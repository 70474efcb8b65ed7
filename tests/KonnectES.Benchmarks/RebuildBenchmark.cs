using System.Diagnostics;
using KonnectES.EventStore;

namespace KonnectES.Benchmarks;

/// <summary>
/// Rebuild of an async projection over N events against the raw sequential read of the same events table.
/// </summary>
internal sealed class RebuildBenchmark(BenchEnvironment environment, int eventCount, int rounds)
{
    private const int EventsPerStream = 100;

    public async Task<List<string>> RunAsync()
    {
        await environment.StartStoreAsync();
        await environment.ExecuteAsync($"CREATE TABLE IF NOT EXISTS {StreamTotalsProjection.Table} (stream_id uuid PRIMARY KEY, events int NOT NULL, amount numeric NOT NULL)");
        await environment.ExecuteAsync($"TRUNCATE {BenchSchema.Store}.events, {BenchSchema.Store}.streams");
        var load = Stopwatch.StartNew();
        await LoadAsync();
        load.Stop();
        await environment.ExecuteAsync($"VACUUM ANALYZE {BenchSchema.Store}.events");
        var total = await environment.CountAsync($"SELECT count(*) FROM {BenchSchema.Store}.events");
        Console.WriteLine($"loaded {total:N0} events in {load.Elapsed.TotalSeconds:0.0} s ({total / load.Elapsed.TotalSeconds:N0} events/s, appends of {EventsPerStream})");

        await environment.StartStoreAsync(b => b.AddProjection<StreamTotalsProjection>(ProjectionLifecycle.Async));

        // Warm the cache, then alternate raw reads and rebuilds (the machine is shared; pairs see the same load).
        await RawReadAsync();
        await RebuildAsync(total);
        var raws = new List<double>();
        var rebuilds = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            raws.Add(await RawReadAsync());
            rebuilds.Add(await RebuildAsync(total));
        }

        var ratios = raws.Zip(rebuilds, (r, b) => b / r).ToList();
        var ratio = AppendBenchmark.Median(ratios);
        var rows = new List<string>
        {
            "| events | raw sequential read (events/s, median) | projection rebuild (events/s, median) | ratio (median of paired rounds) | per-round ratios | goal |",
            "|---:|---:|---:|---:|---|---|",
            $"| {total:N0} | {AppendBenchmark.Median(raws):N0} | {AppendBenchmark.Median(rebuilds):N0} | {ratio:0.00}× | {string.Join(" ", ratios.Select(r => r.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))} | {AppendBenchmark.Verdict(ratio, 0.5)} |",
        };
        Console.WriteLine(rows[^1]);
        await environment.StopStoreAsync();
        return rows;
    }

    private async Task LoadAsync()
    {
        var streams = eventCount / EventsPerStream;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < streams)
            {
                var stream = Guid.NewGuid();
                var events = Enumerable.Range(0, EventsPerStream).Select(i => (object)new Deposited(stream, i, "monthly deposit")).ToArray();
                await environment.Store.AppendAsync(stream, ExpectedVersion.NoStream, events);
            }
        })));
    }

    private async Task<double> RawReadAsync()
    {
        var started = Stopwatch.GetTimestamp();
        long rows = 0;
        await using var command = environment.Raw.CreateCommand(
            $"SELECT seq, tx, id, stream_id, version, type, data::text, tenant_id, actor, correlation_id, causation_id, headers::text, created_at FROM {BenchSchema.Store}.events");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = reader.GetInt64(0);
            _ = reader.GetFieldValue<ulong>(1);
            _ = reader.GetGuid(2);
            _ = reader.GetGuid(3);
            _ = reader.GetInt64(4);
            _ = reader.GetString(5);
            _ = reader.GetString(6);
            _ = reader.GetFieldValue<DateTimeOffset>(12);
            rows++;
        }

        return rows / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private async Task<double> RebuildAsync(long total)
    {
        var started = Stopwatch.GetTimestamp();
        var last = 0L;
        await environment.Daemon.RebuildAsync("stream_totals", new Progress(p => last = p.Processed));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var projected = await environment.CountAsync($"SELECT sum(events)::bigint FROM {StreamTotalsProjection.Table}");
        if (projected != total)
        {
            throw new InvalidOperationException($"The rebuild projected {projected} events of {total}.");
        }

        return total / elapsed.TotalSeconds;
    }

    private sealed class Progress(Action<RebuildProgress> report) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => report(value);
    }
}
