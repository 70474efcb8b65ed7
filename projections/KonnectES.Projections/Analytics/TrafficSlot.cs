namespace KonnectES.Projections.Analytics;

/// <summary>
/// One point being read: its counts and, while it is made of a single stored row, that row's percentiles; a point made
/// of several rows gets their histograms merged instead.
/// </summary>
internal sealed class TrafficSlot(DateTimeOffset bucket)
{
    public DateTimeOffset Bucket { get; } = bucket;

    public int Rows { get; set; }

    public TrafficMeasures Measures { get; } = new();

    public double? LatencyP50 { get; set; }

    public double? LatencyP95 { get; set; }

    public double? LatencyP99 { get; set; }

    public double? UpstreamLatencyP99 { get; set; }

    public double? ProxyLatencyP99 { get; set; }

    public TrafficPoint ToPoint() => Rows == 1
        ? new(Bucket, Measures.Requests, Measures.Errors4xx, Measures.Errors5xx, LatencyP50, LatencyP95, LatencyP99, UpstreamLatencyP99,
            ProxyLatencyP99, Measures.BytesIn, Measures.BytesOut)
        : TrafficPoint.From(Bucket, Measures);
}
