namespace KonnectES.DataPlane.Sync;

/// <summary>Where the sync client stands, as <c>/status</c> shows it.</summary>
internal enum SyncState
{
    /// <summary>No channel to a control-plane node (never connected, or retrying with backoff).</summary>
    Disconnected,

    /// <summary>Listening for changes and holding the newest snapshot it was told of.</summary>
    Connected,

    /// <summary>Pulling or applying a snapshot.</summary>
    Syncing,

    /// <summary>The proxy refused the newest snapshot; the previous one is still served.</summary>
    Refused,
}
