using System.Diagnostics;

namespace KonnectES.Proxy.Benchmarks;

/// <summary>
/// The config swap under load: while wrk runs against route (a), the portal imports the bench configuration plus
/// N more routes; measured are the mutation's round trip, the time from its return (the commit) to /status
/// reporting the new version, and every failed request wrk saw.
/// </summary>
internal static class ConfigSwap
{
    public sealed record Result(int Routes, double MutationMs, double AppliedAfterCommitMs, long Version, WrkResult Wrk, string Status);

    public static async Task<Result> RunAsync(BenchOptions options, DataPlaneServer dataPlane, CancellationToken cancellationToken)
    {
        var yaml = ConfigYaml.Bench(Ports.Upstream, options.SwapRoutes);
        var seconds = options.SwapSeconds;
        Console.WriteLine($"# config swap: wrk {seconds}s against {dataPlane.PlainUrl}; after 5 s, importConfig of {options.SwapRoutes:N0} more routes");
        var wrkWatch = Stopwatch.StartNew();
        var wrk = Wrk.RunAsync(options, dataPlane.PlainUrl, [], seconds, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);

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

        if (double.IsNaN(applied) || wrkWatch.Elapsed > TimeSpan.FromSeconds(seconds - 1))
        {
            Console.WriteLine($"# WARNING: the swap was not over before wrk stopped ({seconds}s): raise --swap-seconds");
        }

        var result = await wrk;
        return new Result(options.SwapRoutes, mutationMs, applied, version, result, status);
    }
}
