namespace KonnectES.Messaging;

/// <summary>
/// How the relay claims and dispatches outbox rows.
/// </summary>
public sealed class RelayOptions
{
    /// <summary>
    /// The fallback poll when no notification arrives (notifications are lossy across reconnects); also the
    /// precision of delayed delivery. Default 1 second.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many rows one claim takes and one transaction dispatches. Default 200.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// How long a claim stays valid; the claiming node renews it on every heartbeat while it works, so the rows
    /// of a node that died are claimable again at most this long after its last heartbeat. Default 10 seconds.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long handled message ids stay in the inbox ledger to drop duplicates. Default 1 day.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long published broadcasts are kept for nodes that are catching up. Default 10 minutes.</summary>
    public TimeSpan BroadcastRetention { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long dead letters are kept before they are purged. Default 10 days.</summary>
    public TimeSpan DeadLetterRetention { get; set; } = TimeSpan.FromDays(10);
}
