using KonnectES.EventStore;
using NpgsqlTypes;

namespace KonnectES.Benchmarks;

/// <summary>
/// Event store appends with optimistic concurrency (each writer on its own stream, Exact(n)) against raw
/// inserts of the same rows into a same-shaped table, at the same concurrency, in the same run.
/// </summary>
internal sealed class AppendBenchmark(BenchEnvironment environment, TimeSpan warmUp, TimeSpan duration, int rounds)
{
    private const string Json = """{"accountId":"6f1c1a52-6a0e-4b55-9b8e-0d3f2b7e9a11","amount":12.5,"note":"monthly deposit"}""";

    public async Task<List<string>> RunAsync()
    {
        var rows = new List<string>
        {
            "| events per append | writers | raw INSERT (rows/s, median) | event store append (events/s, median) | ratio (median of paired rounds) | per-round ratios | goal |",
            "|---:|---:|---:|---:|---:|---|---|",
        };
        foreach (var size in new[] { 1, 10, 100 })
        {
            foreach (var writers in new[] { 1, 4, 16 })
            {
                // Paired, alternating rounds: the machine is shared, so background load drifts; a pair sees the same drift.
                var raws = new List<double>();
                var stores = new List<double>();
                for (var round = 0; round < rounds; round++)
                {
                    await ResetAsync();
                    raws.Add(await Harness.RateAsync(writers, warmUp, duration, w => RawWorker(size)));
                    await ResetAsync();
                    stores.Add(await Harness.RateAsync(writers, warmUp, duration, w => StoreWorker(size)));
                }

                var ratios = raws.Zip(stores, (r, s) => s / r).ToList();
                var raw = Median(raws);
                var store = Median(stores);
                var ratio = Median(ratios);
                var goal = size switch
                {
                    1 => Verdict(ratio, 0.8),
                    10 => Verdict(ratio, 0.9),
                    _ => "(no goal)",
                };
                rows.Add($"| {size} | {writers} | {raw:N0} | {store:N0} | {ratio:0.00}× | {string.Join(" ", ratios.Select(r => r.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))} | {goal} |");
                Console.WriteLine(rows[^1]);
            }
        }

        return rows;
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    internal static string Verdict(double ratio, double goal) => ratio >= goal ? $"≥ {goal:0.0}× met" : $"≥ {goal:0.0}× **not met**";

    private async Task ResetAsync()
    {
        await environment.ExecuteAsync($"TRUNCATE {BenchSchema.RawTable}; TRUNCATE {BenchSchema.Store}.events, {BenchSchema.Store}.streams; CHECKPOINT");
    }

    private Func<Task<int>> RawWorker(int size)
    {
        var stream = Guid.NewGuid();
        long version = 0;
        var sql = size == 1 ? BenchSchema.InsertOne : BenchSchema.InsertMany(size);
        return async () =>
        {
            await using var command = environment.Raw.CreateCommand(sql);
            for (var i = 0; i < size; i++)
            {
                command.Parameters.Add(new Npgsql.NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7(), NpgsqlDbType = NpgsqlDbType.Uuid });
                command.Parameters.Add(new Npgsql.NpgsqlParameter<Guid> { TypedValue = stream, NpgsqlDbType = NpgsqlDbType.Uuid });
                command.Parameters.Add(new Npgsql.NpgsqlParameter<long> { TypedValue = ++version, NpgsqlDbType = NpgsqlDbType.Bigint });
                command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = "deposited", NpgsqlDbType = NpgsqlDbType.Text });
                command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = Json, NpgsqlDbType = NpgsqlDbType.Jsonb });
            }

            await command.ExecuteNonQueryAsync();
            return size;
        };
    }

    private Func<Task<int>> StoreWorker(int size)
    {
        var stream = Guid.NewGuid();
        long version = 0;
        var store = environment.Store;
        return async () =>
        {
            var events = new object[size];
            for (var i = 0; i < size; i++)
            {
                events[i] = new Deposited(stream, 12.5m, "monthly deposit");
            }

            var result = await store.AppendAsync(stream, version == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exact(version), events);
            version = result.Version;
            return size;
        };
    }
}
