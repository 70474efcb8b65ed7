using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace KonnectES.DataPlane.Observability;

/// <summary>
/// The metrics of one service and route label pair: request counts per status, the three latency histograms and the
/// bandwidth. Updated without locks; the proxy resolves a route's slot once and keeps it.
/// </summary>
internal sealed class RouteMetrics(ProxyMetrics owner, string service, string route)
{
    private readonly ConcurrentDictionary<int, StrongBox<long>> _statuses = new();
    private long _ingress;
    private long _egress;

    /// <summary>The metrics this slot belongs to.</summary>
    public ProxyMetrics Owner => owner;

    /// <summary>The <c>service</c> label.</summary>
    public string Service => service;

    /// <summary>The <c>route</c> label.</summary>
    public string Route => route;

    /// <summary><c>kong_request_latency_ms</c>.</summary>
    public LatencyBuckets Request { get; } = new();

    /// <summary><c>kong_upstream_latency_ms</c>.</summary>
    public LatencyBuckets Upstream { get; } = new();

    /// <summary><c>kong_kong_latency_ms</c>.</summary>
    public LatencyBuckets Kong { get; } = new();

    /// <summary>Ingress bytes.</summary>
    public long Ingress => Interlocked.Read(ref _ingress);

    /// <summary>Egress bytes.</summary>
    public long Egress => Interlocked.Read(ref _egress);

    /// <summary>Request counts by status, as counted so far.</summary>
    public IEnumerable<(int Status, long Count)> Statuses => _statuses.Select(s => (s.Key, Interlocked.Read(ref s.Value.Value)));

    /// <summary>True once a request was counted.</summary>
    public bool IsUsed => !_statuses.IsEmpty;

    /// <summary>Counts one request.</summary>
    public void Record(int status, long bytesIn, long bytesOut, double totalMs, double? upstreamMs)
    {
        if (!_statuses.TryGetValue(status, out var count))
        {
            count = _statuses.GetOrAdd(status, static _ => new StrongBox<long>());
        }

        Request.Observe(totalMs);
        if (upstreamMs is { } upstream)
        {
            Upstream.Observe(upstream);
            Kong.Observe(Math.Max(0, totalMs - upstream));
        }
        else
        {
            Kong.Observe(totalMs);
        }

        if (bytesIn != 0)
        {
            Interlocked.Add(ref _ingress, bytesIn);
        }

        if (bytesOut != 0)
        {
            Interlocked.Add(ref _egress, bytesOut);
        }

        // Last: a scrape that sees the count sees the latencies too.
        Interlocked.Increment(ref count.Value);
    }
}
