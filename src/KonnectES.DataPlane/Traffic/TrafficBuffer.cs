using KonnectES.Domain.Analytics;

namespace KonnectES.DataPlane.Traffic;

/// <summary>
/// The reports not yet accepted by the control plane, oldest first, bounded by a number of rows: when full, the oldest
/// reports are dropped. A report keeps its id until it is accepted, so a resend after a lost answer counts once.
/// </summary>
internal sealed class TrafficBuffer(int maxRows)
{
    private readonly LinkedList<TrafficReport> _reports = new();
    private int _rows;

    /// <summary>Reports waiting to be sent.</summary>
    public int Count
    {
        get
        {
            lock (_reports)
            {
                return _reports.Count;
            }
        }
    }

    /// <summary>Rows waiting to be sent.</summary>
    public int Rows
    {
        get
        {
            lock (_reports)
            {
                return _rows;
            }
        }
    }

    /// <summary>Requests dropped because the buffer was full.</summary>
    public long DroppedRequests { get; private set; }

    /// <summary>Adds a report at the end, dropping the oldest ones if the buffer would exceed its bound.</summary>
    public void Add(TrafficReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (_reports)
        {
            _reports.AddLast(report);
            _rows += report.Rows.Count;
            while (_rows > maxRows && _reports.First is { } oldest)
            {
                _reports.RemoveFirst();
                _rows -= oldest.Value.Rows.Count;
                DroppedRequests += oldest.Value.Rows.Sum(r => r.Count);
            }
        }
    }

    /// <summary>The oldest report, or null.</summary>
    public TrafficReport? Peek()
    {
        lock (_reports)
        {
            return _reports.First?.Value;
        }
    }

    /// <summary>Removes <paramref name="report"/> once the control plane accepted it (if it was not dropped meanwhile).</summary>
    public void Remove(TrafficReport report)
    {
        lock (_reports)
        {
            if (_reports.Remove(report))
            {
                _rows -= report.Rows.Count;
            }
        }
    }
}
