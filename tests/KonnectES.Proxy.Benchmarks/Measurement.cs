namespace KonnectES.Proxy.Benchmarks;

/// <summary>A warm-up run, then the measured run, with the CPU time of the target and of the upstream read around it.</summary>
internal static class Measurement
{
    public static async Task<TargetResult> MeasureAsync(BenchOptions options, Target target, ChildProcess upstream, CancellationToken cancellationToken)
    {
        Console.WriteLine($"# {target.Name}: warm-up {options.WarmupSeconds}s, then wrk {options.WrkSettings} {string.Join(' ', target.Headers.Select(h => $"-H '{h}'"))} {target.Url}");
        if (options.WarmupSeconds > 0)
        {
            await Wrk.RunAsync(options, target.Url, target.Headers, options.WarmupSeconds, cancellationToken);
        }

        var before = ProcessCpu.Read(target.Process.Id);
        var upstreamBefore = ProcessCpu.Read(upstream.Id);
        var wrk = await Wrk.RunAsync(options, target.Url, target.Headers, options.DurationSeconds, cancellationToken);
        var cpu = ProcessCpu.SecondsBetween(before, ProcessCpu.Read(target.Process.Id));
        var upstreamCpu = ProcessCpu.SecondsBetween(upstreamBefore, ProcessCpu.Read(upstream.Id));
        var result = new TargetResult(target.Name, wrk, cpu, target.Process == upstream ? cpu : upstreamCpu);
        Console.WriteLine(
            $"#   {wrk.RequestsPerSecond:N0} req/s, p50 {wrk.P50Ms:N2} ms, p99 {wrk.P99Ms:N2} ms, {result.CpuMicrosPerRequest:N1} µs CPU/request, " +
            $"{wrk.Non2xx} non-2xx, {wrk.SocketErrors} socket errors, load average {LoadAverage.Read()}");
        return result;
    }
}
