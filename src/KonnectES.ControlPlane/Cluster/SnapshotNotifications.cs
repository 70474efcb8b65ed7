using System.Collections.Concurrent;

namespace KonnectES.ControlPlane.Cluster;

/// <summary>
/// This process's view of every control plane's latest snapshot, fed by the "snapshot ready" broadcast (and by the heads
/// the endpoints read), and awaited by the push channel, the long-poll and the portal's <c>configChanged</c>.
/// Versions only grow: an older or repeated notification changes nothing.
/// </summary>
public sealed class SnapshotNotifications
{
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    /// <summary>Records a head; wakes the waiters of that control plane when it is newer than the one known.</summary>
    public void Publish(SnapshotReady ready)
    {
        ArgumentNullException.ThrowIfNull(ready);
        var entry = EntryOf(ready.ControlPlaneId);
        lock (entry.Gate)
        {
            if (entry.Latest is { } latest && latest.Version >= ready.Version)
            {
                return;
            }

            entry.Latest = ready;
        }

        entry.Beacon.Raise();
    }

    /// <summary>The newest head known to this process, or null.</summary>
    public SnapshotReady? Latest(Guid controlPlaneId) => _entries.TryGetValue(controlPlaneId, out var entry) ? entry.LatestLocked() : null;

    /// <summary>Completes with the newest head once its version is greater than <paramref name="afterVersion"/>.</summary>
    public async Task<SnapshotReady> WaitForNewerAsync(Guid controlPlaneId, long afterVersion, CancellationToken cancellationToken)
    {
        var entry = EntryOf(controlPlaneId);
        while (true)
        {
            var generation = entry.Beacon.Generation;
            if (entry.LatestLocked() is { } latest && latest.Version > afterVersion)
            {
                return latest;
            }

            await entry.Beacon.WaitAsync(generation, cancellationToken);
        }
    }

    private Entry EntryOf(Guid controlPlaneId) => _entries.GetOrAdd(controlPlaneId, _ => new Entry());

    private sealed class Entry
    {
        public Lock Gate { get; } = new();

        public Beacon Beacon { get; } = new();

        public SnapshotReady? Latest { get; set; }

        public SnapshotReady? LatestLocked()
        {
            lock (Gate)
            {
                return Latest;
            }
        }
    }
}
