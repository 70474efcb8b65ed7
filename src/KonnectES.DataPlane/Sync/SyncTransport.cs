namespace KonnectES.DataPlane.Sync;

/// <summary>How the sync client learns of changes.</summary>
internal enum SyncTransport
{
    /// <summary>The WebSocket push channel, falling back to long-polling when a node or a proxy refuses the upgrade.</summary>
    Auto,

    /// <summary>Only the WebSocket push channel.</summary>
    WebSocket,

    /// <summary>Only long-polling (for networks known not to pass WebSockets).</summary>
    LongPolling,
}
