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
    /// <param name="AppliedAfterCommitMs">From the mutation's return to /status showing its version.</param>
    /// <param name="Version">The version imported.</param>
    /// <param name="Status">/status once it showed the version.</param>
    public sealed record Swap(string Label, double MutationMs, double AppliedAfterCommitMs, long Version, string Status);

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
        Console.WriteLine("| swap | mutation | commit → /status | data plane: sync total | download | parse | apply + hash | compile + swap | of which router | routes taken over | commit → sync start |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var swap in result.Swaps)
        {
            var sync = Member(swap.Status, "last_sync");
            var compile = Member(swap.Status, "last_compile");
            var total = Number(sync, "total_ms");
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {swap.Label} (v{swap.Version}, {Text(sync, "kind")}, {Number(sync, "bytes") / 1024:N0} KiB) | {swap.MutationMs:N0} ms | {swap.AppliedAfterCommitMs:N0} ms | " +
                $"{total:N0} ms | {Number(sync, "download_ms"):N0} ms | {Number(sync, "parse_ms"):N0} ms | {Number(sync, "hash_ms"):N0} ms | " +
                $"{Number(sync, "compile_ms"):N0} ms | {Number(compile, "routes_ms"):N0} ms | {Number(compile, "reused_routes"):N0} | " +
                $"{swap.AppliedAfterCommitMs - total:N0} ms |"));
        }

        Console.WriteLine();
        Console.WriteLine("(commit → sync start = commit → /status minus the data plane's sync total: the outbox, the broadcast and the push, plus up to 5 ms of /status polling)");
        Console.WriteLine();
    }

    private static async Task<Swap> ImportAsync(DataPlaneServer dataPlane, string label, string yaml, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var version = await dataPlane.Portal.ImportAsync(dataPlane.ControlPlaneId, yaml, "proxy benchmark: config swap", cancellationToken);
        var mutationMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var status = "";
        var applied = double.NaN;
        while (watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            (var current, status) = await DataPlaneServer.StatusAsync(cancellationToken);
            if (current >= version)
            {
                applied = watch.Elapsed.TotalMilliseconds;
                break;
            }

            await Task.Delay(5, cancellationToken);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"#   {label}: version {version}, mutation {mutationMs:N0} ms, commit → /status {applied:N0} ms"));
        return new Swap(label, mutationMs, applied, version, status);
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
