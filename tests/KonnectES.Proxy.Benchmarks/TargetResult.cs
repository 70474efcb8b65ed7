namespace KonnectES.Proxy.Benchmarks;

/// <summary>A target's wrk figures and the CPU time its process tree (and the upstream's) spent during the run.</summary>
internal sealed record TargetResult(string Name, WrkResult Wrk, double CpuSeconds, double UpstreamCpuSeconds)
{
    public double CpuMicrosPerRequest => Wrk.Requests == 0 ? double.NaN : CpuSeconds * 1e6 / Wrk.Requests;

    public double UpstreamCpuMicrosPerRequest => Wrk.Requests == 0 ? double.NaN : UpstreamCpuSeconds * 1e6 / Wrk.Requests;
}
