using System.Diagnostics;
using KonnectES.Benchmarks;

// dotnet run -c Release --project tests/KonnectES.Benchmarks -- [append|rebuild|lag|all] [--seconds N] [--rounds N] [--events N] [--lag-writers N] [--fast]
var which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var seconds = Option("--seconds", 2);
var rounds = Option("--rounds", 5);
var events = Option("--events", 1_000_000);
var durable = !args.Contains("--fast");
Console.WriteLine($"KonnectES event store benchmark: {which}; {Environment.ProcessorCount} cores; PostgreSQL durable={durable}; {rounds} paired rounds of {seconds} s");
Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
await using var environment = await BenchEnvironment.StartAsync(durable);
await environment.ExecuteAsync(BenchSchema.CreateRaw);
await environment.StartStoreAsync();
var report = new List<string>();
var clock = Stopwatch.StartNew();
if (which is "append" or "all")
{
    report.Add("### Appends vs raw inserts");
    report.AddRange(await new AppendBenchmark(environment, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(seconds), rounds).RunAsync());
}

if (which is "rebuild" or "all")
{
    report.Add(string.Empty);
    report.Add("### Projection rebuild vs raw sequential read");
    report.AddRange(await new RebuildBenchmark(environment, events, Math.Max(3, rounds / 2)).RunAsync());
}

if (which is "lag" or "all")
{
    report.Add(string.Empty);
    report.Add("### Append-to-async-read-model lag");
    report.AddRange(await new LagBenchmark(environment, 2000, TimeSpan.FromSeconds(20), Option("--lag-writers", 4)).RunAsync());
}

Console.WriteLine();
Console.WriteLine(string.Join(Environment.NewLine, report));
Console.WriteLine($"(total {clock.Elapsed.TotalSeconds:0} s; load average at end: {File.ReadAllText("/proc/loadavg").Trim()})");

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
