using System.Diagnostics;
using Npgsql;

namespace KonnectES.Messaging.Benchmarks;

/// <summary>
/// Sustained durable throughput: producers commit at an offered rate (0 = as fast as they can) while the nodes
/// dispatch; the figure is handler invocations per second over the measured window (after a warm-up), with the
/// backlog left at its end (a bounded backlog means the relay keeps up with the offered rate).
/// </summary>
internal sealed class ThroughputBenchmark(BenchCluster cluster, TimeSpan warmUp, TimeSpan duration, int nodes, int producers, int perTransaction, int offeredRate)
{
    public async Task<string> RunAsync()
    {
        var schema = cluster.NewSchema();
        var probe = new Probe();
        var running = new List<BenchNode>();
        for (var i = 0; i < nodes; i++)
        {
            running.Add(await BenchNode.StartAsync(cluster.ConnectionString, schema, probe));
        }

        await using var dataSource = NpgsqlDataSource.Create(cluster.ConnectionString);
        var outbox = running[0].Outbox;
        long produced = 0;
        using var stop = new CancellationTokenSource();
        var tasks = Enumerable.Range(0, producers).Select(_ => Task.Run(async () =>
        {
            var batch = Enumerable.Range(0, perTransaction).Select(i => new OutgoingMessage(new Ping(i))).ToArray();
            var interval = offeredRate > 0 ? TimeSpan.FromSeconds((double)producers * perTransaction / offeredRate) : TimeSpan.Zero;
            var started = Stopwatch.GetTimestamp();
            for (var n = 0L; !stop.IsCancellationRequested; n++)
            {
                var ahead = interval * n - Stopwatch.GetElapsedTime(started);
                if (ahead > TimeSpan.Zero)
                {
                    await Task.Delay(ahead);
                }

                await using var connection = await dataSource.OpenConnectionAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                await outbox.EnqueueManyAsync(transaction, batch);
                await transaction.CommitAsync();
                Interlocked.Add(ref produced, perTransaction);
            }
        })).ToArray();

        await Task.Delay(warmUp);
        var (producedBefore, dispatchedBefore) = (Interlocked.Read(ref produced), probe.Count);
        var window = Stopwatch.StartNew();
        await Task.Delay(duration);
        var (producedAfter, dispatchedAfter) = (Interlocked.Read(ref produced), probe.Count);
        var elapsed = window.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(tasks);
        var backlog = await cluster.CountAsync($"SELECT count(*) FROM {schema}.outbox");
        var drain = Stopwatch.StartNew();
        await running[0].Tracker.WaitForOutboxDrainedAsync().WaitAsync(TimeSpan.FromMinutes(5));
        var drained = drain.Elapsed.TotalSeconds;
        foreach (var node in running)
        {
            await node.DisposeAsync();
        }

        var producedRate = (producedAfter - producedBefore) / elapsed;
        var dispatchedRate = (dispatchedAfter - dispatchedBefore) / elapsed;
        var goal = dispatchedRate >= 5_000 ? "met" : "**not met**";
        var offered = offeredRate > 0 ? $"offered {offeredRate:N0}/s" : "unpaced";
        return $"| sustained durable throughput, {nodes} node(s), {producers} producers × {perTransaction}/tx, {offered} | {dispatchedRate:N0} dispatched/s ({producedRate:N0} committed/s; backlog at end {backlog:N0}, drained in {drained:0.0} s) | ≥ 5,000/s | {goal} |";
    }
}
