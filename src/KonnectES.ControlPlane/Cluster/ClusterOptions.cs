namespace KonnectES.ControlPlane.Cluster;

/// <summary>The cluster endpoint (port 8005): timings of the push channel, the long-poll and the node status.</summary>
public sealed class ClusterOptions
{
    /// <summary>
    /// A node not seen for this long is <c>UNKNOWN</c> (<c>Cluster:NodeTimeout</c>; three missed heartbeats of 10 s).
    /// </summary>
    public TimeSpan NodeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the push channel sends a WebSocket ping (and how long a silent peer may stay).</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a long-poll waits when the request names no <c>wait</c>.</summary>
    public TimeSpan DefaultPollWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait a long-poll may ask for.</summary>
    public TimeSpan MaxPollWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often a <c>dataPlaneStatusChanged</c> subscription re-reads its nodes without being woken: it notices a node
    /// turning <c>UNKNOWN</c>, and heartbeats received by other control-plane nodes that only moved <c>last_seen</c>.
    /// </summary>
    public TimeSpan StatusSweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often a <c>configChanged</c> subscription looks at the audit log without being woken (a safety net: every
    /// committed change wakes it through the "snapshot ready" broadcast).
    /// </summary>
    public TimeSpan ConfigChangeFallbackPoll { get; set; } = TimeSpan.FromSeconds(5);
}
