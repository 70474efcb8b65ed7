namespace KonnectES.Proxy.Benchmarks;

/// <summary>What one wrk run reported.</summary>
internal sealed record WrkResult(double RequestsPerSecond, long Requests, double P50Ms, double P99Ms, long Non2xx, long SocketErrors, string Output)
{
    /// <summary>Every response that was not 2xx/3xx plus every connect, read, write and timeout error.</summary>
    public long Failures => Non2xx + SocketErrors;
}
