using KonnectES.Domain.Analytics;

namespace KonnectES.Projections.Analytics;

/// <summary>The additive measures of a rollup: counts, bytes and the three latency histograms being merged.</summary>
internal sealed class TrafficMeasures
{
    public long Requests { get; private set; }

    public long Errors4xx { get; private set; }

    public long Errors5xx { get; private set; }

    public long BytesIn { get; private set; }

    public long BytesOut { get; private set; }

    public PendingHistogram Latency { get; } = new();

    public PendingHistogram UpstreamLatency { get; } = new();

    public PendingHistogram ProxyLatency { get; } = new();

    public static short StatusClass(int status) => (short)(status / 100);

    public void Add(TrafficRow row)
    {
        Requests += row.Count;
        var statusClass = StatusClass(row.Status);
        Errors4xx += statusClass == 4 ? row.Count : 0;
        Errors5xx += statusClass == 5 ? row.Count : 0;
        BytesIn += row.BytesIn;
        BytesOut += row.BytesOut;
        Latency.Add(row.Latency);
        UpstreamLatency.Add(row.UpstreamLatency);
        ProxyLatency.Add(row.ProxyLatency);
    }

    public void Merge(TrafficMeasures other)
    {
        AddCounts(other.Requests, other.Errors4xx, other.Errors5xx, other.BytesIn, other.BytesOut);
        Latency.Add(other.Latency);
        UpstreamLatency.Add(other.UpstreamLatency);
        ProxyLatency.Add(other.ProxyLatency);
    }

    /// <summary>Adds a stored row: its counts and its histograms in storage form.</summary>
    public void AddStored(long requests, long errors4xx, long errors5xx, long bytesIn, long bytesOut, byte[] latency, byte[] upstream, byte[] proxy)
    {
        AddCounts(requests, errors4xx, errors5xx, bytesIn, bytesOut);
        Latency.AddStored(latency);
        UpstreamLatency.AddStored(upstream);
        ProxyLatency.AddStored(proxy);
    }

    public void AddCounts(long requests, long errors4xx, long errors5xx, long bytesIn, long bytesOut)
    {
        Requests += requests;
        Errors4xx += errors4xx;
        Errors5xx += errors5xx;
        BytesIn += bytesIn;
        BytesOut += bytesOut;
    }
}
