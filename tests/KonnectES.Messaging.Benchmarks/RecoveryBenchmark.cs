using System.Diagnostics;

namespace KonnectES.Messaging.Benchmarks;

/// <summary>
/// Dead-node recovery with the default options: a child process claims 100 committed messages and is killed
/// (SIGKILL) while handling the first; the time runs from its death until another node has dispatched all 100.
/// </summary>
internal sealed class RecoveryBenchmark(BenchCluster cluster, int rounds)
{
    private const int Messages = 100;

    public async Task<string> RunAsync()
    {
        var times = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var schema = cluster.NewSchema();
            var probe = new Probe();
            await using (var sender = await BenchNode.StartAsync(cluster.ConnectionString, schema, probe, runRelay: false))
            {
                await using var connection = new Npgsql.NpgsqlConnection(cluster.ConnectionString);
                await connection.OpenAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                await sender.Outbox.EnqueueManyAsync(transaction, [.. Enumerable.Range(0, Messages).Select(i => new OutgoingMessage(new Ping(i)))]);
                await transaction.CommitAsync();
            }

            using (var child = Process.Start(Environment.ProcessPath!, ["die-while-handling", cluster.ConnectionString, schema]))
            {
                await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            }

            var died = Stopwatch.StartNew();
            var unowned = await cluster.CountAsync($"SELECT count(*) FROM {schema}.outbox WHERE owner_node = 0");
            if (unowned != 0)
            {
                throw new InvalidOperationException($"The dying node left {unowned} messages unclaimed.");
            }

            await using var survivor = await BenchNode.StartAsync(cluster.ConnectionString, schema, probe);
            while (probe.Count < Messages)
            {
                await survivor.Tracker.WaitForOutboxDrainedAsync().WaitAsync(TimeSpan.FromMinutes(1));
            }

            times.Add(died.Elapsed.TotalSeconds);
            Console.WriteLine($"recovery round {round + 1}: {times[^1]:0.00} s");
        }

        var worst = times.Max();
        return $"| dead node's claimed messages re-dispatched (default 10 s lease) | {rounds} rounds: {string.Join(", ", times.Select(t => $"{t:0.0} s"))} (worst {worst:0.0} s) | ≤ 15 s | {(worst <= 15 ? "met" : "**not met**")} |";
    }
}
