using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace KonnectES.DataPlane.Sync;

/// <summary>
/// The last good snapshot on disk, <c>&lt;data dir&gt;/snapshot.json</c>: the document with its version and both hashes
/// in <c>_konnectes</c>. Written atomically (a temporary file in the same folder, flushed, then renamed over the old
/// one), so a crash leaves either the old file or the new one; read back only when its content still has the
/// snapshot hash it was written with.
/// </summary>
internal sealed class SnapshotCache(string dataDirectory, ILogger logger)
{
    /// <summary>The file name inside the data directory.</summary>
    public const string FileName = "snapshot.json";

    /// <summary>The cache file's path.</summary>
    public string Path { get; } = System.IO.Path.Combine(dataDirectory, FileName);

    /// <summary>Replaces the cache with <paramref name="snapshot"/>.</summary>
    public async Task SaveAsync(SnapshotState snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Directory.CreateDirectory(dataDirectory);
        var temporary = Path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                await file.WriteAsync(snapshot.ToJson(), cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// The cached snapshot, or null when there is none or it cannot be trusted (unreadable, not a snapshot, or a
    /// content that does not hash to the snapshot hash recorded with it); such a file is ignored with a warning.
    /// </summary>
    public async Task<SnapshotState?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            var bytes = await File.ReadAllBytesAsync(Path, cancellationToken);
            var document = JsonSerializer.Deserialize<JsonElement>(bytes);
            var snapshot = SnapshotState.FromDocument(document);
            if (!SnapshotHeader.TryReadHash(document.GetProperty(SnapshotHeader.Member), "snapshot_hash", out var recorded))
            {
                SyncLog.CacheIgnored(logger, Path, "it records no snapshot_hash");
                return null;
            }

            if (recorded != snapshot.SnapshotHash)
            {
                SyncLog.CacheIgnored(logger, Path, $"its content hashes to {snapshot.SnapshotHash}, not to the recorded {recorded}");
                return null;
            }

            return snapshot;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or IOException or UnauthorizedAccessException)
        {
            SyncLog.CacheIgnored(logger, Path, e.Message);
            return null;
        }
    }
}
