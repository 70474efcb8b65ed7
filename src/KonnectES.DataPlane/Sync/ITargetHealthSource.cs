namespace KonnectES.DataPlane.Sync;

/// <summary>Where the heartbeat finds the node's target health (the proxy's balancers).</summary>
internal interface ITargetHealthSource
{
    /// <summary>
    /// Changes whenever an address starts or stops taking traffic; cheap to read, so the heartbeat loop can watch it
    /// between heartbeats. Other changes (a new configuration, a DNS answer) show at the next heartbeat.
    /// </summary>
    public long Generation { get; }

    /// <summary>Every target's health, ordered by upstream id then target.</summary>
    public IReadOnlyList<TargetHealthEntry> Read();
}
