namespace KonnectES.Projections.Analytics;

/// <summary>
/// One point being read: its counts and, while it is made of a single stored row, that row's percentiles; a point made
/// of several rows gets their histograms merged instead (<see cref="Histograms"/>).
/// </summary>
internal sealed class TrafficSlot(DateTimeOffset bucket)
{
    private double? _latencyP50;
    private double? _latencyP95;
    private double? _latencyP99;
    private double? _upstreamP99;
    private double? _proxyP99;
    private long _requests;
    private long _errors4xx;
    private long _errors5xx;
    private long _bytesIn;
    private long _bytesOut;

    public DateTimeOffset Bucket { get; } = bucket;

    public int Rows { get; private set; }

    /// <summary>The merged histograms (only their histograms are used), once any was added.</summary>
    public TrafficMeasures? Histograms { get; private set; }

    public void Add(ReadOnlySpan<long> counts, ReadOnlySpan<double?> quantiles)
    {
        if (Rows++ == 0)
        {
            (_latencyP50, _latencyP95, _latencyP99, _upstreamP99, _proxyP99) = (quantiles[0], quantiles[1], quantiles[2], quantiles[3], quantiles[4]);
        }

        _requests += counts[0];
        _errors4xx += counts[1];
        _errors5xx += counts[2];
        _bytesIn += counts[3];
        _bytesOut += counts[4];
    }

    public void AddHistograms(byte[] latency, byte[] upstream, byte[] proxy) =>
        (Histograms ??= new TrafficMeasures()).AddStored(0, 0, 0, 0, 0, latency, upstream, proxy);

    /// <summary>Takes in another slot of the same bucket.</summary>
    public void Absorb(TrafficSlot other)
    {
        Add(
            [other._requests, other._errors4xx, other._errors5xx, other._bytesIn, other._bytesOut],
            [other._latencyP50, other._latencyP95, other._latencyP99, other._upstreamP99, other._proxyP99]);
        Rows += other.Rows - 1;
        if (other.Histograms is not null)
        {
            (Histograms ??= new TrafficMeasures()).Merge(other.Histograms);
        }
    }

    public TrafficPoint ToPoint()
    {
        if (Rows == 1)
        {
            return new(Bucket, _requests, _errors4xx, _errors5xx, _latencyP50, _latencyP95, _latencyP99, _upstreamP99, _proxyP99, _bytesIn, _bytesOut);
        }

        var measures = new TrafficMeasures();
        measures.AddCounts(_requests, _errors4xx, _errors5xx, _bytesIn, _bytesOut);
        if (Histograms is not null)
        {
            measures.Merge(Histograms);
        }

        return TrafficPoint.From(Bucket, measures);
    }
}
