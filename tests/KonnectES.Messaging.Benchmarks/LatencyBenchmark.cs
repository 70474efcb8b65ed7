using System.Diagnostics;
using Npgsql;

namespace KonnectES.Messaging.Benchmarks;

/// <summary>
/// Commit-to-dispatch latency: one producer commits one message per transaction every couple of milliseconds;
/// latency runs from <c>CommitAsync</c> returning to the handler being invoked on the relaying node.
/// </summary>
internal sealed class LatencyBenchmark(BenchCluster cluster, TimeSpan duration, int nodes)
{
    public async Task<string> RunAsync()
    {
        var schema = cluster.NewSchema();
        var probe = new Probe { RecordTimes = true };
        var running = new List<BenchNode>();
        for (var i = 0; i < nodes; i++)
        {
            running.Add(await BenchNode.StartAsync(cluster.ConnectionString, schema, probe));
        }

        await using var dataSource = NpgsqlDataSource.Create(cluster.ConnectionString);
        var committed = new List<(Guid Id, long At)>();
        var outbox = running[0].Outbox;
        var started = Stopwatch.StartNew();
        for (var n = 0L; started.Elapsed < duration; n++)
        {
            await using (var connection = await dataSource.OpenConnectionAsync())
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                var id = await outbox.EnqueueAsync(transaction, new Ping(n));
                await transaction.CommitAsync();
                committed.Add((id, Stopwatch.GetTimestamp()));
            }

            await Task.Delay(2);
        }

        await running[0].Tracker.WaitForOutboxDrainedAsync().WaitAsync(TimeSpan.FromMinutes(1));
        foreach (var node in running)
        {
            await node.DisposeAsync();
        }

        // The first 10% are warm-up (JIT, prepared statements, pools).
        var latencies = committed.Skip(committed.Count / 10)
            .Select(c => probe.DispatchedAt.TryGetValue(c.Id, out var at) ? Math.Max(0, Stopwatch.GetElapsedTime(c.At, at).TotalMilliseconds) : double.NaN)
            .ToList();
        var lost = latencies.Count(double.IsNaN);
        var sorted = latencies.Where(l => !double.IsNaN(l)).Order().ToList();
        var p50 = Statistics.Percentile(sorted, 0.50);
        var p99 = Statistics.Percentile(sorted, 0.99);
        var goal = p50 <= 2 && p99 <= 20 && lost == 0 ? "met" : "**not met**";
        return $"| commit-to-dispatch latency, {nodes} node(s) | {sorted.Count:N0} messages, p50 {p50:0.00} ms, p99 {p99:0.00} ms, max {sorted[^1]:0.0} ms{(lost > 0 ? $", {lost} never dispatched" : string.Empty)} | p50 ≤ 2 ms, p99 ≤ 20 ms | {goal} |";
    }
}
