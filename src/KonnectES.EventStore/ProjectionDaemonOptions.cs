namespace KonnectES.EventStore;

/// <summary>
/// How the daemon runs async projections.
/// </summary>
public sealed class ProjectionDaemonOptions
{
    /// <summary>Whether this process runs the daemon (each projection still runs in one process only).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Events read per page while catching up.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>Events read per page during a rebuild.</summary>
    public int RebuildPageSize { get; set; } = 10_000;

    /// <summary>The safety-net poll when no wake-up arrives (notifications are lossy across reconnects).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a process that does not run a projection checks whether it may take it over.</summary>
    public TimeSpan LeaseRetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries of a failing page or event before the event is dead-lettered.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry delay; doubled at each further retry.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Minimum time between two cross-process wake-up notifications sent by this process.</summary>
    public TimeSpan NotifyCoalescing { get; set; } = TimeSpan.FromMilliseconds(5);
}
