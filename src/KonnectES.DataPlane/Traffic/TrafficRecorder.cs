using System.Collections.Concurrent;
using KonnectES.Domain.Analytics;

namespace KonnectES.DataPlane.Traffic;

/// <summary>
/// Folds proxied requests into per-minute rows (route, service, consumer, status) with latency histograms. Recording is
/// cheap and never blocks on I/O; <see cref="Collect"/> hands over everything recorded so far. Rows are additive: two
/// rows of the same minute and dimensions (collected at different times) simply add up at the control plane.
/// </summary>
internal sealed class TrafficRecorder
{
    private readonly ConcurrentDictionary<TrafficKey, TrafficAccumulator> _open = new();

    /// <summary>Adds one request to its minute's row.</summary>
    public void Record(in ProxiedRequest request)
    {
        var ticks = request.CompletedAt.UtcTicks;
        var minute = new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var key = new TrafficKey(minute, request.ServiceId, request.RouteId, request.ConsumerId, request.Status);
        while (!_open.GetOrAdd(key, static _ => new TrafficAccumulator()).TryAdd(request))
        {
            // collected between the lookup and the add: the next lookup finds a fresh accumulator
        }
    }

    /// <summary>Takes every row recorded so far, ordered by minute.</summary>
    public IReadOnlyList<TrafficRow> Collect()
    {
        var rows = new List<TrafficRow>();
        foreach (var key in _open.Keys)
        {
            if (_open.TryRemove(key, out var accumulator))
            {
                rows.Add(accumulator.Seal(key));
            }
        }

        rows.Sort((a, b) => a.Minute.CompareTo(b.Minute));
        return rows;
    }
}
