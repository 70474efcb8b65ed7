using System.Text.Json;
using KonnectES.Domain.Analytics;

namespace KonnectES.Projections.Analytics;

/// <summary>The additive measures of a rollup: counts, bytes and the three merged latency histograms.</summary>
internal sealed class TrafficMeasures
{
    public long Requests { get; private set; }

    public long Errors4xx { get; private set; }

    public long Errors5xx { get; private set; }

    public long BytesIn { get; private set; }

    public long BytesOut { get; private set; }

    public LatencyHistogram Latency { get; private init; } = new();

    public LatencyHistogram UpstreamLatency { get; private init; } = new();

    public LatencyHistogram ProxyLatency { get; private init; } = new();

    public static short StatusClass(int status) => (short)(status / 100);

    public void Add(TrafficRow row)
    {
        Requests += row.Count;
        var statusClass = StatusClass(row.Status);
        Errors4xx += statusClass == 4 ? row.Count : 0;
        Errors5xx += statusClass == 5 ? row.Count : 0;
        BytesIn += row.BytesIn;
        BytesOut += row.BytesOut;
        Latency.Merge(LatencyHistogram.FromData(row.Latency));
        UpstreamLatency.Merge(LatencyHistogram.FromData(row.UpstreamLatency));
        ProxyLatency.Merge(LatencyHistogram.FromData(row.ProxyLatency));
    }

    public void Merge(TrafficMeasures other)
    {
        Requests += other.Requests;
        Errors4xx += other.Errors4xx;
        Errors5xx += other.Errors5xx;
        BytesIn += other.BytesIn;
        BytesOut += other.BytesOut;
        Latency.Merge(other.Latency);
        UpstreamLatency.Merge(other.UpstreamLatency);
        ProxyLatency.Merge(other.ProxyLatency);
    }

    public static TrafficMeasures FromStored(long requests, long errors4xx, long errors5xx, long bytesIn, long bytesOut, string latency, string upstream, string proxy) =>
        new()
        {
            Requests = requests,
            Errors4xx = errors4xx,
            Errors5xx = errors5xx,
            BytesIn = bytesIn,
            BytesOut = bytesOut,
            Latency = ReadHistogram(latency),
            UpstreamLatency = ReadHistogram(upstream),
            ProxyLatency = ReadHistogram(proxy),
        };

    public static string WriteHistogram(LatencyHistogram histogram) => JsonSerializer.Serialize(histogram.ToData());

    private static LatencyHistogram ReadHistogram(string json) =>
        LatencyHistogram.FromData(JsonSerializer.Deserialize<LatencyHistogramData>(json)!);
}
