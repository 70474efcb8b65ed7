namespace KonnectES.DataPlane.Sync;

/// <summary>What the sync client did, for <c>/metrics</c> and for tests that check which path was taken.</summary>
internal sealed class SyncCounters
{
    private long _fullPulls;
    private long _deltaPulls;
    private long _bytesReceived;
    private long _connectAttempts;
    private long _notifications;
    private long _nacks;
    private long _heartbeats;
    private long _applied;
    private long _targetHealthReports;

    /// <summary>Full snapshots downloaded.</summary>
    public long FullPulls => Interlocked.Read(ref _fullPulls);

    /// <summary>Deltas downloaded.</summary>
    public long DeltaPulls => Interlocked.Read(ref _deltaPulls);

    /// <summary>Snapshot and delta body bytes received (after decompression).</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>Attempts to open the push channel or a long-poll.</summary>
    public long ConnectAttempts => Interlocked.Read(ref _connectAttempts);

    /// <summary>Notifications received.</summary>
    public long Notifications => Interlocked.Read(ref _notifications);

    /// <summary>NACKs sent.</summary>
    public long Nacks => Interlocked.Read(ref _nacks);

    /// <summary>Heartbeats the control plane accepted.</summary>
    public long Heartbeats => Interlocked.Read(ref _heartbeats);

    /// <summary>Accepted heartbeats that carried the target health (it changed, or was sent whole after a start or a reconnection).</summary>
    public long TargetHealthReports => Interlocked.Read(ref _targetHealthReports);

    /// <summary>Snapshots the proxy applied (including the cached one at start).</summary>
    public long Applied => Interlocked.Read(ref _applied);

    internal void FullPulled(long bytes)
    {
        Interlocked.Increment(ref _fullPulls);
        Interlocked.Add(ref _bytesReceived, bytes);
    }

    internal void DeltaPulled(long bytes)
    {
        Interlocked.Increment(ref _deltaPulls);
        Interlocked.Add(ref _bytesReceived, bytes);
    }

    internal void Connecting() => Interlocked.Increment(ref _connectAttempts);

    internal void Notified() => Interlocked.Increment(ref _notifications);

    internal void Nacked() => Interlocked.Increment(ref _nacks);

    internal void HeartbeatSent() => Interlocked.Increment(ref _heartbeats);

    internal void TargetHealthSent() => Interlocked.Increment(ref _targetHealthReports);

    internal void SnapshotApplied() => Interlocked.Increment(ref _applied);
}
