using KonnectES.Domain.Analytics;

namespace KonnectES.DataPlane.Traffic;

/// <summary>The running totals of one <see cref="TrafficKey"/>; sealed once collected, so a late writer starts a new one.</summary>
internal sealed class TrafficAccumulator
{
    private readonly LatencyHistogram _latency = new();
    private readonly LatencyHistogram _upstream = new();
    private readonly LatencyHistogram _proxy = new();
    private long _count;
    private long _bytesIn;
    private long _bytesOut;
    private bool _sealed;

    /// <summary>Adds a request; false when the accumulator was already collected.</summary>
    public bool TryAdd(in ProxiedRequest request)
    {
        lock (this)
        {
            if (_sealed)
            {
                return false;
            }

            _count++;
            _bytesIn += request.BytesIn;
            _bytesOut += request.BytesOut;
            _latency.Record(request.TotalMs);
            if (request.UpstreamMs is { } upstream)
            {
                _upstream.Record(upstream);
                _proxy.Record(Math.Max(0, request.TotalMs - upstream));
            }
            else
            {
                _proxy.Record(request.TotalMs);
            }

            return true;
        }
    }

    /// <summary>Seals the accumulator and returns its row.</summary>
    public TrafficRow Seal(TrafficKey key)
    {
        lock (this)
        {
            _sealed = true;
            return new TrafficRow(
                key.Minute, key.ServiceId, key.RouteId, key.ConsumerId, key.Status, _count, _bytesIn, _bytesOut,
                _latency.ToData(), _upstream.ToData(), _proxy.ToData());
        }
    }
}
