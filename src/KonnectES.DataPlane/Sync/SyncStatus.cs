using KonnectES.Domain;

namespace KonnectES.DataPlane.Sync;

/// <summary>The sync client's state as <c>/status</c> reports it.</summary>
/// <param name="State">Where the client stands.</param>
/// <param name="Version">The applied configuration version; null until a snapshot is applied.</param>
/// <param name="ConfigHash">The applied configuration hash.</param>
/// <param name="SnapshotHash">The applied snapshot hash.</param>
/// <param name="LastError">The last problem (a failed request, a refused snapshot), cleared by the next success.</param>
/// <param name="LastContact">When a control-plane node last answered.</param>
/// <param name="Transport">The channel in use: <c>websocket</c>, <c>long-poll</c>, or null while disconnected.</param>
internal sealed record SyncStatus(
    SyncState State,
    long? Version,
    ConfigHash? ConfigHash,
    ConfigHash? SnapshotHash,
    string? LastError,
    DateTimeOffset? LastContact,
    string? Transport)
{
    /// <summary>Before the first start.</summary>
    public static SyncStatus Initial { get; } = new(SyncState.Disconnected, null, null, null, null, null, null);
}
