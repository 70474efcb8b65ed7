using System.Collections.Concurrent;

namespace KonnectES.ControlPlane.Cluster;

/// <summary>Wakes this process's <c>dataPlaneStatusChanged</c> subscriptions of a control plane when one of its nodes reported.</summary>
public sealed class DataPlaneNodeNotifications
{
    private readonly ConcurrentDictionary<Guid, Beacon> _beacons = new();

    /// <summary>Something about a node of the control plane may have changed.</summary>
    public void Publish(Guid controlPlaneId) => BeaconOf(controlPlaneId).Raise();

    /// <summary>The current generation of the control plane's wake-ups: pass it to <see cref="WaitAsync"/>.</summary>
    public long Generation(Guid controlPlaneId) => BeaconOf(controlPlaneId).Generation;

    /// <summary>Completes when the control plane was woken after <paramref name="seen"/>.</summary>
    public Task WaitAsync(Guid controlPlaneId, long seen, CancellationToken cancellationToken) =>
        BeaconOf(controlPlaneId).WaitAsync(seen, cancellationToken);

    private Beacon BeaconOf(Guid controlPlaneId) => _beacons.GetOrAdd(controlPlaneId, _ => new Beacon());
}
