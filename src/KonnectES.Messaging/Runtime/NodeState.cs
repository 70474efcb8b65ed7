using System.Collections.Concurrent;

namespace KonnectES.Messaging.Runtime;

/// <summary>
/// This process's identity in the nodes table, its wake-up signals and the claims it is working on.
/// </summary>
internal sealed class NodeState
{
    public Guid NodeId { get; } = Guid.NewGuid();

    public int NodeNumber { get; set; }

    /// <summary>Pulsed when the outbox may have due rows (notification, release, retry due).</summary>
    public WakeSignal OutboxWake { get; } = new();

    /// <summary>Pulsed when a broadcast may have been published.</summary>
    public WakeSignal BroadcastWake { get; } = new();

    /// <summary>Pulsed after every relay cycle (for "outbox drained" waits).</summary>
    public WakeSignal RelayCycle { get; } = new();

    /// <summary>Claims being dispatched; their leases are renewed on every heartbeat.</summary>
    public ConcurrentDictionary<Guid, byte> InFlightClaims { get; } = new();
}
