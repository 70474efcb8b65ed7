using System.Globalization;

namespace KonnectES.Proxy.Benchmarks;

/// <summary>The run's tables (markdown, ready for docs/benchmarks.md) and the ratios against the goals.</summary>
internal static class ResultTable
{
    public static void Print(BenchOptions options, IReadOnlyDictionary<string, List<TargetResult>> results)
    {
        Console.WriteLine();
        Console.WriteLine($"wrk {options.WrkSettings}, {options.Rounds} round(s); medians over rounds; CPU = utime+stime of the target's process tree");
        Console.WriteLine();
        Console.WriteLine("| target | req/s | p50 | p99 | CPU µs/request | upstream CPU µs/request | non-2xx + socket errors | per-round req/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        var medians = new Dictionary<string, (double Rate, double Cpu)>();
        foreach (var (name, rounds) in results)
        {
            var rate = Median(rounds.Select(r => r.Wrk.RequestsPerSecond));
            var cpu = Median(rounds.Select(r => r.CpuMicrosPerRequest));
            medians[name] = (rate, cpu);
            Console.WriteLine(
                $"| {name} | {rate:N0} | {Median(rounds.Select(r => r.Wrk.P50Ms)):N2} ms | {Median(rounds.Select(r => r.Wrk.P99Ms)):N2} ms | {cpu:N1} | " +
                $"{Median(rounds.Select(r => r.UpstreamCpuMicrosPerRequest)):N1} | {rounds.Sum(r => r.Wrk.Failures)} | {string.Join(' ', rounds.Select(r => r.Wrk.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture)))} |");
        }

        Console.WriteLine();
        var nginx = Find(medians, "nginx");
        var yarp = Find(medians, "bare YARP");
        var plain = Find(medians, "(a) data plane") ?? Find(medians, "(a)");
        var auth = Find(medians, "(b) data plane") ?? Find(medians, "(b)");
        var plainAllInOne = Find(medians, "(a) all-in-one");
        var authAllInOne = Find(medians, "(b) all-in-one");
        Ratio("bare YARP : nginx, throughput", yarp?.Rate, nginx?.Rate, "(reference: about 0.6×)", null);
        Ratio("bare YARP : nginx, CPU per request", yarp?.Cpu, nginx?.Cpu, "(reference: about 1.7×)", null);
        Ratio("(a) : bare YARP, throughput", plain?.Rate, yarp?.Rate, "goal ≥ 0.95×", 0.95);
        Ratio("(a) : nginx, throughput", plain?.Rate, nginx?.Rate, "goal ≥ 0.8×", 0.8);
        Ratio("(b) : (a), throughput", auth?.Rate, plain?.Rate, "goal ≥ 0.8×", 0.8);
        Ratio("(a) : bare YARP, CPU per request", plain?.Cpu, yarp?.Cpu, "", null);
        Ratio("(b) : (a), CPU per request", auth?.Cpu, plain?.Cpu, "", null);
        if (plainAllInOne is not null && Find(medians, "(a) data plane") is not null)
        {
            Ratio("(a) all-in-one : bare YARP, throughput", plainAllInOne?.Rate, yarp?.Rate, "", null);
            Ratio("(a) all-in-one : bare YARP, CPU per request", plainAllInOne?.Cpu, yarp?.Cpu, "", null);
            Ratio("(b) all-in-one : (a) all-in-one, throughput", authAllInOne?.Rate, plainAllInOne?.Rate, "", null);
        }
    }

    public static void PrintCompile(RouteCompileBenchmark.Result result)
    {
        Console.WriteLine();
        Console.WriteLine($"| router compile (RouteTable.Compile, in process, {(IsRelease() ? "Release" : "Debug")}) | median | min | max | runs |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine($"| {result.Routes:N0} routes built through the domain ({result.CompiledRoutes:N0} compiled, {result.Errors} errors) | {Median(result.CompileMs):N1} ms | {result.CompileMs.Min():N1} ms | {result.CompileMs.Max():N1} ms | {result.CompileMs.Count} |");
        Console.WriteLine($"| — parsing the {result.SnapshotBytes / 1024.0 / 1024:N1} MB snapshot (JsonDocument.Parse) | {Median(result.ParseMs):N1} ms | {result.ParseMs.Min():N1} ms | {result.ParseMs.Max():N1} ms | {result.ParseMs.Count} |");
        Console.WriteLine($"| — building it: import decided and folded by the domain, snapshot document (once, cold) | {result.DomainMs:N0} ms | | | 1 |");
        Console.WriteLine();
    }

    public static void PrintSwap(BenchOptions options, ConfigSwap.Result result)
    {
        Console.WriteLine();
        Console.WriteLine("| config swap under load | result | goal | |");
        Console.WriteLine("|---|---:|---|---|");
        Console.WriteLine($"| importConfig of {result.Routes:N0} more routes: mutation round trip | {result.MutationMs:N0} ms | | |");
        Console.WriteLine($"| from the commit to /status showing version {result.Version} | {result.AppliedAfterCommitMs:N0} ms | ≤ 500 ms | {Met(result.AppliedAfterCommitMs <= 500)} |");
        Console.WriteLine($"| failed requests during the swap (non-2xx {result.Wrk.Non2xx}, socket errors {result.Wrk.SocketErrors}; {result.Wrk.Requests:N0} requests, {result.Wrk.RequestsPerSecond:N0} req/s, p99 {result.Wrk.P99Ms:N2} ms) | {result.Wrk.Failures} | 0 | {Met(result.Wrk.Failures == 0)} |");
        Console.WriteLine();
        Console.WriteLine($"/status after the swap: {result.Status}");
        _ = options;
    }

    private static (double Rate, double Cpu)? Find(Dictionary<string, (double Rate, double Cpu)> medians, string prefix) =>
        medians.FirstOrDefault(m => m.Key.StartsWith(prefix, StringComparison.Ordinal)) is { Key: not null } hit ? hit.Value : null;

    private static void Ratio(string label, double? value, double? reference, string goal, double? minimum)
    {
        if (value is null || reference is null)
        {
            return;
        }

        var ratio = value.Value / reference.Value;
        var verdict = minimum is { } m ? Met(ratio >= m) : "";
        Console.WriteLine($"{label}: {ratio:N2}× {goal} {verdict}".TrimEnd());
    }

    private static string Met(bool met) => met ? "met" : "**not met**";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

#if DEBUG
    private static bool IsRelease() => false;
#else
    private static bool IsRelease() => true;
#endif
}
