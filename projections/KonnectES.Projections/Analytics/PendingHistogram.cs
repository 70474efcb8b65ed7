using KonnectES.Domain.Analytics;

namespace KonnectES.Projections.Analytics;

/// <summary>
/// A histogram being folded: while it has a single source (a report's row, a stored row, or another pending histogram
/// with a single source) it only keeps a reference to it; the counts are built on the second source. Most rows of a
/// page have one source (a node's row of a minute), so folding a page keeps little in memory.
/// </summary>
internal sealed class PendingHistogram
{
    private LatencyHistogramData? _data;
    private byte[]? _bytes;
    private LatencyHistogram? _histogram;

    public void Add(LatencyHistogramData data)
    {
        if (IsEmpty)
        {
            _data = data;
        }
        else
        {
            Materialize().Merge(data);
        }
    }

    public void AddStored(byte[] bytes)
    {
        if (IsEmpty)
        {
            _bytes = bytes;
        }
        else
        {
            Materialize().MergeBytes(bytes);
        }
    }

    public void Add(PendingHistogram other)
    {
        if (other.IsEmpty)
        {
            return;
        }

        if (IsEmpty && other._histogram is null)
        {
            _data = other._data;
            _bytes = other._bytes;
            return;
        }

        var target = Materialize();
        if (other._histogram is not null)
        {
            target.Merge(other._histogram);
        }
        else if (other._data is not null)
        {
            target.Merge(other._data);
        }
        else
        {
            target.MergeBytes(other._bytes);
        }
    }

    /// <summary>The counts, built if needed (not kept when built from a single source).</summary>
    public LatencyHistogram View() =>
        _histogram ?? (_data is not null ? LatencyHistogram.FromData(_data) : _bytes is not null ? LatencyHistogram.FromBytes(_bytes) : new LatencyHistogram());

    private bool IsEmpty => _data is null && _bytes is null && _histogram is null;

    private LatencyHistogram Materialize()
    {
        if (_histogram is null)
        {
            _histogram = View();
            _data = null;
            _bytes = null;
        }

        return _histogram;
    }
}
