using System.Collections.Concurrent;
using System.Diagnostics;
using KonnectES.EventStore;

namespace KonnectES.Benchmarks;

/// <summary>
/// Append-to-async-read-model lag at a fixed append rate: from the moment an append returns (committed)
/// to the moment the daemon has committed the projection's checkpoint past it, as observed through
/// <see cref="IProjectionDaemon.WaitForNonStaleAsync"/> (so the figure includes that observer's own delay).
/// </summary>
internal sealed class LagBenchmark(BenchEnvironment environment, int eventsPerSecond, TimeSpan duration, int writers)
{
    public async Task<List<string>> RunAsync()
    {
        await environment.ExecuteAsync($"TRUNCATE {BenchSchema.Store}.events, {BenchSchema.Store}.streams");
        await environment.ExecuteAsync($"CREATE TABLE IF NOT EXISTS {StreamTotalsProjection.Table} (stream_id uuid PRIMARY KEY, events int NOT NULL, amount numeric NOT NULL); TRUNCATE {StreamTotalsProjection.Table}");
        await environment.ExecuteAsync($"DELETE FROM {BenchSchema.Store}.progress");
        await environment.StartStoreAsync(b => b.AddProjection<StreamTotalsProjection>(ProjectionLifecycle.Async));

        var appended = new ConcurrentQueue<(Position Position, long At)>();
        var lags = new List<double>();
        using var stop = new CancellationTokenSource();
        var observer = Task.Run(() => ObserveAsync(appended, lags, stop.Token));
        var interval = TimeSpan.FromSeconds((double)writers / eventsPerSecond);
        var started = Stopwatch.GetTimestamp();
        var appenders = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var stream = Guid.NewGuid();
            long version = 0;
            for (var i = 0; ; i++)
            {
                var due = interval * i;
                var now = Stopwatch.GetElapsedTime(started);
                if (now >= duration)
                {
                    return;
                }

                if (due > now)
                {
                    await Task.Delay(due - now);
                }

                var result = await environment.Store.AppendAsync(
                    stream, version == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exact(version), [new Deposited(stream, 1m, "lag probe")]);
                version = result.Version;
                appended.Enqueue((result.Position, Stopwatch.GetTimestamp()));
            }
        })).ToArray();
        await Task.WhenAll(appenders);
        var rate = (await environment.CountAsync($"SELECT count(*) FROM {BenchSchema.Store}.events")) / duration.TotalSeconds;
        while (!appended.IsEmpty)
        {
            await Task.Yield();
        }

        await stop.CancelAsync();
        await observer;
        await environment.StopStoreAsync();

        // The first second is warm-up (JIT, prepared statements, the runner taking its lock).
        lags.Sort();
        var skip = (int)Math.Min(lags.Count / 10, eventsPerSecond);
        var measured = lags.Skip(skip).Order().ToList();
        double P(double q) => measured[(int)Math.Min(measured.Count - 1, Math.Ceiling(q * measured.Count) - 1)];
        var rows = new List<string>
        {
            "| target rate | writers | achieved rate | events measured | p50 lag | p99 lag | max lag | goal |",
            "|---:|---:|---:|---:|---:|---:|---:|---|",
            $"| {eventsPerSecond:N0}/s | {writers} | {rate:N0}/s | {measured.Count:N0} | {P(0.50):0.0} ms | {P(0.99):0.0} ms | {measured[^1]:0.0} ms | {(P(0.99) <= 50 ? "p99 ≤ 50 ms met" : "p99 ≤ 50 ms **not met**")} |",
        };
        Console.WriteLine(rows[^1]);
        return rows;
    }

    private async Task ObserveAsync(ConcurrentQueue<(Position Position, long At)> appended, List<double> lags, CancellationToken cancellationToken)
    {
        var pending = new List<(Position Position, long At)>();
        while (!cancellationToken.IsCancellationRequested || !appended.IsEmpty)
        {
            while (appended.TryDequeue(out var item))
            {
                pending.Add(item);
            }

            if (pending.Count == 0)
            {
                await Task.Delay(1, CancellationToken.None);
                continue;
            }

            var target = pending.Max(p => p.Position);
            await environment.Daemon.WaitForNonStaleAsync(target, TimeSpan.FromSeconds(30), CancellationToken.None);
            var now = Stopwatch.GetTimestamp();
            foreach (var item in pending)
            {
                lags.Add(Stopwatch.GetElapsedTime(item.At, now).TotalMilliseconds);
            }

            pending.Clear();
        }
    }
}
