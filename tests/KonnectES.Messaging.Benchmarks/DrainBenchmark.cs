using System.Diagnostics;

namespace KonnectES.Messaging.Benchmarks;

/// <summary>
/// Relay capacity without competing producers: a committed backlog is dispatched by freshly started nodes;
/// the figure is messages per second from the nodes' start to an empty outbox.
/// </summary>
internal sealed class DrainBenchmark(BenchCluster cluster, int messages, int nodes)
{
    public async Task<string> RunAsync()
    {
        var schema = cluster.NewSchema();
        var probe = new Probe();
        await using (var sender = await BenchNode.StartAsync(cluster.ConnectionString, schema, probe, runRelay: false))
        {
            var batch = Enumerable.Range(0, 1000).Select(i => new OutgoingMessage(new Ping(i))).ToArray();
            for (var i = 0; i < messages / batch.Length; i++)
            {
                await using var connection = new Npgsql.NpgsqlConnection(cluster.ConnectionString);
                await connection.OpenAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                await sender.Outbox.EnqueueManyAsync(transaction, batch);
                await transaction.CommitAsync();
            }
        }

        var clock = Stopwatch.StartNew();
        var running = new List<BenchNode>();
        for (var i = 0; i < nodes; i++)
        {
            running.Add(await BenchNode.StartAsync(cluster.ConnectionString, schema, probe));
        }

        while (probe.Count < messages)
        {
            await running[0].Tracker.WaitForOutboxDrainedAsync().WaitAsync(TimeSpan.FromMinutes(5));
        }

        var rate = messages / clock.Elapsed.TotalSeconds;
        foreach (var node in running)
        {
            await node.DisposeAsync();
        }

        return $"| relay capacity: drain a {messages:N0}-message backlog, {nodes} node(s) | {rate:N0} dispatched/s ({clock.Elapsed.TotalSeconds:0.0} s) | ≥ 5,000/s | {(rate >= 5_000 ? "met" : "**not met**")} |";
    }
}
