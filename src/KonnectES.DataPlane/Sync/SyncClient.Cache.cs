namespace KonnectES.DataPlane.Sync;

/// <summary>
/// The cache loop: writes the newest applied snapshot to disk off the sync loop, so a slow disk (the write ends with an
/// fsync) never delays the next pull. Snapshots applied while a write runs are coalesced into one write of the newest.
/// </summary>
internal sealed partial class SyncClient
{
    private readonly SemaphoreSlim _cacheNow = new(0);
    private SnapshotState? _toCache;

    private void KeepOnDisk(SnapshotState snapshot)
    {
        Interlocked.Exchange(ref _toCache, snapshot);
        if (_cacheNow.CurrentCount == 0)
        {
            _cacheNow.Release();
        }
    }

    private async Task CacheLoopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await _cacheNow.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Stopping: what was applied last is still written, so a restart serves it.
                await WriteCacheAsync(CancellationToken.None);
                return;
            }

            await WriteCacheAsync(cancellationToken);
        }
    }

    private async Task WriteCacheAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _toCache, null) is not { } snapshot)
        {
            return;
        }

        try
        {
            await _cache.SaveAsync(snapshot, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            SyncLog.CacheWriteFailed(_logger, _cache.Path, e);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Interlocked.CompareExchange(ref _toCache, snapshot, null);
        }
    }
}
