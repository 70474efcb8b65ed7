using System.Diagnostics;
using KonnectES.Messaging.Benchmarks;

// dotnet run -c Release --project tests/KonnectES.Messaging.Benchmarks -- [latency|throughput|recovery|all] [--seconds N] [--fast]
if (args.Length == 3 && args[0] == "die-while-handling")
{
    // The child of the recovery benchmark: claims a batch and SIGKILLs itself in the first handler.
    await using var dying = await BenchNode.StartAsync(args[1], args[2], new Probe(), dieOnFirstMessage: true);
    await Task.Delay(TimeSpan.FromMinutes(1));
    return 1;
}

var which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var seconds = Option("--seconds", 10);
var durable = !args.Contains("--fast");
Console.WriteLine($"KonnectES messaging benchmark: {which}; {Environment.ProcessorCount} cores; PostgreSQL durable={durable}; {seconds} s windows");
Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
await using var cluster = await BenchCluster.StartAsync(durable);
var rows = new List<string> { "| measurement | result | goal | status |", "|---|---|---|---|" };
var clock = Stopwatch.StartNew();
if (which is "latency" or "all")
{
    rows.Add(Print(await new LatencyBenchmark(cluster, TimeSpan.FromSeconds(seconds), nodes: 1).RunAsync()));
    rows.Add(Print(await new LatencyBenchmark(cluster, TimeSpan.FromSeconds(seconds), nodes: 2).RunAsync()));
}

if (which is "throughput" or "all")
{
    var warmUp = TimeSpan.FromSeconds(2);
    var window = TimeSpan.FromSeconds(seconds);
    rows.Add(Print(await new ThroughputBenchmark(cluster, warmUp, window, nodes: 1, producers: 2, perTransaction: 50, offeredRate: 5_000).RunAsync()));
    rows.Add(Print(await new ThroughputBenchmark(cluster, warmUp, window, nodes: 2, producers: 2, perTransaction: 50, offeredRate: 5_000).RunAsync()));
    rows.Add(Print(await new ThroughputBenchmark(cluster, warmUp, window, nodes: 2, producers: 4, perTransaction: 50, offeredRate: 0).RunAsync()));
    rows.Add(Print(await new ThroughputBenchmark(cluster, warmUp, window, nodes: 1, producers: 8, perTransaction: 1, offeredRate: 0).RunAsync()));
    rows.Add(Print(await new DrainBenchmark(cluster, 100_000, nodes: 1).RunAsync()));
    rows.Add(Print(await new DrainBenchmark(cluster, 100_000, nodes: 2).RunAsync()));
}

if (which is "recovery" or "all")
{
    rows.Add(Print(await new RecoveryBenchmark(cluster, rounds: 3).RunAsync()));
}

Console.WriteLine();
Console.WriteLine(string.Join(Environment.NewLine, rows));
Console.WriteLine($"(total {clock.Elapsed.TotalSeconds:0} s; load average at end: {File.ReadAllText("/proc/loadavg").Trim()})");
return 0;

static string Print(string row)
{
    Console.WriteLine(row);
    return row;
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
