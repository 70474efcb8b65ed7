namespace KonnectES.DataPlane.Sync;

/// <summary>
/// What the sync client hands each new snapshot to: the proxy, which compiles it off the request path and swaps it in
/// atomically. Refusing (an unknown plugin, an invalid regex…) keeps the previous configuration and makes the client
/// send a NACK.
/// </summary>
internal interface ISnapshotApplier
{
    /// <summary>Compiles and swaps in <paramref name="snapshot"/>, or says why it cannot.</summary>
    public ValueTask<SnapshotApplyResult> ApplyAsync(AppliedSnapshot snapshot, CancellationToken cancellationToken);
}
