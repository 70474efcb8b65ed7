using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace KonnectES.Proxy.Benchmarks;

/// <summary>
/// The config swap under load: while wrk runs against route (a), the portal imports the bench configuration plus
/// N more routes (the compile row's: services of five routes), then the bench configuration alone again, round after
/// round; measured are each mutation's round trip, the time from its return (the commit) to /status reporting the new
/// version, the data plane's own timings of that sync (from /status), and every failed request wrk saw.
/// </summary>
internal static class ConfigSwap
{
    /// <summary>The medians over the rounds of the swaps to the large configuration, and every swap.</summary>
    public sealed record Result(int Routes, double MutationMs, double AppliedAfterCommitMs, long Version, WrkResult Wrk, string Status, IReadOnlyList<Swap> Swaps);

    /// <summary>One import and its application.</summary>
    /// <param name="Label">What was imported.</param>
    /// <param name="MutationMs">The importConfig round trip.</param>
    /// <param name="AppliedAfterCommitMs">From the mutation's return to /status showing its version (negative when served before the return).</param>
    /// <param name="Version">The version imported.</param>
    /// <param name="Status">/status once it showed the version.</param>
    public sealed record Swap(string Label, double MutationMs, double AppliedAfterCommitMs, long Version, string Status)
    {
        /// <summary>From sending the mutation to /status showing its version.</summary>
        public double ServedMs { get; init; } = double.NaN;
    }

    public static async Task<Result> RunAsync(BenchOptions options, DataPlaneServer dataPlane, CancellationToken cancellationToken)
    {
        var large = RouteCompileBenchmark.SwapYaml(Ports.Upstream, options.SwapRoutes);
        var small = ConfigYaml.Bench(Ports.Upstream);
        var rounds = Math.Max(1, options.Rounds);
        var seconds = options.SwapSeconds * rounds;
        Console.WriteLine(
            $"# config swap: wrk {seconds}s against {dataPlane.PlainUrl}; after 5 s, {rounds} round(s) of importConfig of {options.SwapRoutes:N0} more routes " +
            $"({large.Length / 1024:N0} KiB of YAML), then of the bench configuration alone");
        var wrkWatch = Stopwatch.StartNew();
        var wrk = Wrk.RunAsync(options, dataPlane.PlainUrl, [], seconds, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);

        var swaps = new List<Swap>();
        for (var round = 1; round <= rounds; round++)
        {
            swaps.Add(await ImportAsync(dataPlane, $"round {round}: {options.SwapRoutes:N0} more routes", large, cancellationToken));
            swaps.Add(await ImportAsync(dataPlane, $"round {round}: back to the bench configuration", small, cancellationToken));
        }

        if (swaps.Any(s => double.IsNaN(s.AppliedAfterCommitMs)) || wrkWatch.Elapsed > TimeSpan.FromSeconds(seconds - 1))
        {
            Console.WriteLine($"# WARNING: the swaps were not over before wrk stopped ({seconds}s): raise --swap-seconds");
        }

        var result = await wrk;
        var grown = swaps.Where((_, i) => i % 2 == 0).ToArray();
        return new Result(
            options.SwapRoutes, Median(grown.Select(s => s.MutationMs)), Median(grown.Select(s => s.AppliedAfterCommitMs)), grown[^1].Version, result,
            grown[^1].Status, swaps);
    }

    /// <summary>Every swap with the data plane's own timings of its sync and compile.</summary>
    public static void Print(Result result)
    {
        var grown = result.Swaps.Where((_, i) => i % 2 == 0).Select(s => Number(Member(s.Status, "last_sync"), "total_ms")).ToArray();
        Console.WriteLine();
        Console.WriteLine("| config swap under load | result | goal | |");
        Console.WriteLine("|---|---:|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| importConfig of {result.Routes:N0} more routes: mutation round trip (median) | {result.MutationMs:N0} ms | | |"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| data plane: from the announcement of the new version to serving it (median of {grown.Length}: {string.Join(", ", grown.Select(g => g.ToString("N0", CultureInfo.InvariantCulture)))} ms) | {Median(grown):N0} ms | ≤ 500 ms | {(Median(grown) <= 500 ? "met" : "**not met**")} |"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| failed requests during the swaps (non-2xx {result.Wrk.Non2xx}, socket errors {result.Wrk.SocketErrors}; {result.Wrk.Requests:N0} requests, {result.Wrk.RequestsPerSecond:N0} req/s, p99 {result.Wrk.P99Ms:N2} ms) | {result.Wrk.Failures} | 0 | {(result.Wrk.Failures == 0 ? "met" : "**not met**")} |"));
        Console.WriteLine();
        Console.WriteLine("| swap | mutation | sent → served | returned → served | sent → data plane sets out | data plane: announcement → served | download | parse | apply + hash | compile + swap | of which router | routes taken over |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var swap in result.Swaps)
        {
            var sync = Member(swap.Status, "last_sync");
            var compile = Member(swap.Status, "last_compile");
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {swap.Label} (v{swap.Version}, {Text(sync, "kind")}, {Number(sync, "bytes") / 1024:N0} KiB) | {swap.MutationMs:N0} ms | {swap.ServedMs:N0} ms | " +
                $"{swap.AppliedAfterCommitMs:N0} ms | {swap.ServedMs - Number(sync, "total_ms"):N0} ms | {Number(sync, "total_ms"):N0} ms | {Number(sync, "download_ms"):N0} ms | " +
                $"{Number(sync, "parse_ms"):N0} ms | {Number(sync, "hash_ms"):N0} ms | {Number(sync, "compile_ms"):N0} ms | {Number(compile, "routes_ms"):N0} ms | " +
                $"{Number(compile, "reused_routes"):N0} |"));
        }

        Console.WriteLine();
        Console.WriteLine("(announcement → served: the data plane's own clock, /status last_sync.total_ms, from setting out to fetch the announced version to the swap;");
        Console.WriteLine(" sent → data plane sets out: the mutation's decide, append and commit, then the outbox, the broadcast and the push, within 10 ms of /status polling)");
        Console.WriteLine();
        Console.WriteLine($"/status after the last swap to the large configuration: {result.Status}");
        Console.WriteLine();
    }

    private static async Task<Swap> ImportAsync(DataPlaneServer dataPlane, string label, string yaml, CancellationToken cancellationToken)
    {
        // /status is polled from the moment the mutation is sent: the data plane may serve the new version before the
        // mutation's response (which carries the diff of every entity) is back.
        var (before, _) = await DataPlaneServer.StatusAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        var mutationMs = double.NaN;
        var mutation = Task.Run(
            async () =>
            {
                var imported = await dataPlane.Portal.ImportAsync(dataPlane.ControlPlaneId, yaml, "proxy benchmark: config swap", cancellationToken);
                mutationMs = watch.Elapsed.TotalMilliseconds;
                return imported;
            },
            cancellationToken);
        var status = "";
        var servedMs = double.NaN;
        while (watch.Elapsed < TimeSpan.FromSeconds(300))
        {
            (var current, status) = await DataPlaneServer.StatusAsync(cancellationToken);
            if (current > (before ?? 0))
            {
                servedMs = watch.Elapsed.TotalMilliseconds;
                break;
            }

            await Task.Delay(10, cancellationToken);
        }

        var version = await mutation;
        var swap = new Swap(label, mutationMs, servedMs - mutationMs, version, status) { ServedMs = servedMs };
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"#   {label}: version {version}, mutation {mutationMs:N0} ms, served {servedMs:N0} ms after the mutation was sent ({swap.AppliedAfterCommitMs:N0} ms after it returned)"));
        return swap;
    }

    private static JsonElement? Member(string status, string name)
    {
        try
        {
            var root = JsonSerializer.Deserialize<JsonElement>(status);
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.Object ? member : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static double Number(JsonElement? element, string name) =>
        element is { } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN;

    private static string Text(JsonElement? element, string name) =>
        element is { } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "?";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
