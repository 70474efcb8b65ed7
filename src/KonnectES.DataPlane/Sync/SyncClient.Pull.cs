using System.Diagnostics;
using System.Net;
using System.Text.Json;
using KonnectES.Domain;
using Microsoft.Extensions.Logging;

namespace KonnectES.DataPlane.Sync;

/// <summary>The sync loop: pull (delta, else full), check the snapshot hash, apply or NACK, keep on disk.</summary>
internal sealed partial class SyncClient
{
    // The stages of the sync in progress (only the sync loop writes them), and the last sync's, published whole.
    private long _syncStarted;
    private DateTimeOffset _syncStartedAt;
    private long _pulledBytes;
    private TimeSpan _downloadTime;
    private TimeSpan _parseTime;
    private TimeSpan _hashTime;
    private SnapshotSyncTimings? _lastSync;

    /// <summary>How long the stages of the last sync that reached the proxy took; null before the first.</summary>
    public SnapshotSyncTimings? LastSync => Volatile.Read(ref _lastSync);

    private async Task LoadCacheAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await _cache.LoadAsync(cancellationToken) is not { } cached)
            {
                return;
            }

            var result = await _applier.ApplyAsync(cached.ToAppliedSnapshot(), cancellationToken);
            if (!result.IsSuccess)
            {
                SyncLog.CacheRefused(_logger, cached.Version, result.Errors[0]);
                return;
            }

            Counters.SnapshotApplied();
            Update(() => _held = cached);
            SyncLog.CacheLoaded(_logger, cached.Version, cached.SnapshotHash);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SyncLog.CacheIgnored(_logger, _cache.Path, Describe(e));
        }
    }

    private async Task SyncLoopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await _wake.Reader.ReadAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (Interlocked.Exchange(ref _pending, null) is not { } notification)
            {
                continue;
            }

            try
            {
                await SyncAsync(notification, cancellationToken);
                _pullBackoff.Reset();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Retry this head unless a newer one arrived meanwhile.
                Interlocked.CompareExchange(ref _pending, notification, null);
                var delay = _pullBackoff.Next();
                Update(() => _lastError = Describe(e));
                SyncLog.PullFailed(_logger, notification.Version, delay, Describe(e));
                if (!await DelayAsync(delay, cancellationToken))
                {
                    return;
                }

                _wake.Writer.TryWrite(true);
            }
        }
    }

    private async Task SyncAsync(SnapshotNotification notification, CancellationToken cancellationToken)
    {
        var held = Held;
        if (held is not null && held.SnapshotHash == notification.SnapshotHash)
        {
            // Nothing shipped changed (e.g. a disabled plugin was edited): the same entities under the new version.
            Adopt(held, notification.Version, notification.ConfigHash);
            return;
        }

        if (_refused.Contains(notification.SnapshotHash))
        {
            // Never download a snapshot the proxy refused again; the next change will be pulled as usual.
            Update(() => _refusedHead = true);
            HeartbeatSoon();
            return;
        }

        Update(() => _syncing = true);
        _syncStarted = Stopwatch.GetTimestamp();
        _syncStartedAt = DateTimeOffset.UtcNow;
        (_pulledBytes, _downloadTime, _parseTime, _hashTime) = (0, default, default, default);
        try
        {
            var (next, kind) = await PullAsync(held, cancellationToken);
            if (next is null || (held is not null && next.SnapshotHash == held.SnapshotHash))
            {
                Adopt(held!, next?.Version ?? notification.Version, next?.ConfigHash ?? notification.ConfigHash);
                return;
            }

            if (_refused.Contains(next.SnapshotHash))
            {
                Update(() => _refusedHead = true);
                HeartbeatSoon();
                return;
            }

            await ApplyAsync(next, kind, cancellationToken);
        }
        finally
        {
            Update(() => _syncing = false);
        }
    }

    // A null state means "what you hold is current" (304).
    private async Task<(SnapshotState? Next, string Kind)> PullAsync(SnapshotState? held, CancellationToken cancellationToken)
    {
        if (held is not null)
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                var pull = await _api.PullDeltaAsync(held.Version, held.SnapshotHash, cancellationToken);
                _downloadTime = Stopwatch.GetElapsedTime(started);
                Contacted();
                if (pull.NotModified)
                {
                    return (pull.Version is { } v && pull.ConfigHash is { } c ? held.WithVersion(v, c) : null, "delta");
                }

                Counters.DeltaPulled(pull.Body!.Length);
                _pulledBytes = pull.Body.Length;
                started = Stopwatch.GetTimestamp();
                var delta = SnapshotDelta.Parse(pull.Body);
                _parseTime = Stopwatch.GetElapsedTime(started);
                if (delta.FromVersion != held.Version)
                {
                    SyncLog.DeltaUnavailable(_logger, held.Version, $"the node sent a delta from version {delta.FromVersion}");
                }
                else
                {
                    started = Stopwatch.GetTimestamp();
                    var next = held.Apply(delta);
                    _hashTime = Stopwatch.GetElapsedTime(started);
                    var expected = delta.SnapshotHash ?? pull.SnapshotHash;
                    if (expected == next.SnapshotHash)
                    {
                        return (next, "delta");
                    }

                    SyncLog.DeltaMismatch(_logger, delta.Version, next.SnapshotHash, expected);
                }
            }
            catch (ClusterRequestException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                SyncLog.DeltaUnavailable(_logger, held.Version, e.Message);
            }
        }

        var fullStarted = Stopwatch.GetTimestamp();
        var full = await _api.PullFullAsync(held?.SnapshotHash, cancellationToken);
        _downloadTime += Stopwatch.GetElapsedTime(fullStarted);
        Contacted();
        if (full.NotModified)
        {
            return (held is not null && full.Version is { } fv && full.ConfigHash is { } fc ? held.WithVersion(fv, fc) : null, "full snapshot");
        }

        Counters.FullPulled(full.Body!.Length);
        _pulledBytes = full.Body.Length;
        fullStarted = Stopwatch.GetTimestamp();
        var document = JsonSerializer.Deserialize<JsonElement>(full.Body);
        _parseTime = Stopwatch.GetElapsedTime(fullStarted);
        fullStarted = Stopwatch.GetTimestamp();
        var state = SnapshotState.FromDocument(document);
        _hashTime = Stopwatch.GetElapsedTime(fullStarted);
        ConfigHash? announced = SnapshotHeader.TryReadHash(document.GetProperty(SnapshotHeader.Member), "snapshot_hash", out var h) ? h : full.SnapshotHash;
        if (announced != state.SnapshotHash)
        {
            throw new InvalidDataException(
                $"The full snapshot of version {state.Version} hashes to {state.SnapshotHash}, not to the announced {announced?.ToString() ?? "(none)"}.");
        }

        return (state, "full snapshot");
    }

    private async Task ApplyAsync(SnapshotState next, string kind, CancellationToken cancellationToken)
    {
        SnapshotApplyResult result;
        var compileStarted = Stopwatch.GetTimestamp();
        try
        {
            result = await _applier.ApplyAsync(next.ToAppliedSnapshot(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            result = SnapshotApplyResult.Refused(Describe(e));
        }

        var timings = new SnapshotSyncTimings(
            next.Version, kind, _pulledBytes, _downloadTime, _parseTime, _hashTime, Stopwatch.GetElapsedTime(compileStarted),
            Stopwatch.GetElapsedTime(_syncStarted), result.IsSuccess, _syncStartedAt);
        Volatile.Write(ref _lastSync, timings);
        LogSynced(
            _logger, timings.Version, timings.Kind, timings.Bytes, timings.Total.TotalMilliseconds, timings.Download.TotalMilliseconds,
            timings.Parse.TotalMilliseconds, timings.Hash.TotalMilliseconds, timings.Compile.TotalMilliseconds);

        if (result.IsSuccess)
        {
            Counters.SnapshotApplied();
            Update(() =>
            {
                _held = next;
                _refusedHead = false;
                _lastError = null;
                _errors = [];
            });
            SyncLog.Applied(_logger, next.Version, next.SnapshotHash, kind);
            HeartbeatSoon();
            KeepOnDisk(next);
            return;
        }

        _refused.Add(next.SnapshotHash);
        Update(() =>
        {
            _refusedHead = true;
            _lastError = result.Errors[0];
            _errors = result.Errors;
        });
        SyncLog.Refused(_logger, next.Version, next.SnapshotHash, result.Errors[0]);
        try
        {
            await _api.PostNackAsync(
                new NackReport(NodeId, next.Version, next.ConfigHash.ToString(), next.SnapshotHash.ToString(), result.Errors[0], [.. result.Errors.Skip(1)]),
                cancellationToken);
            Counters.Nacked();
            Contacted();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The heartbeat carries the errors too; the node learns of the refusal either way.
            SyncLog.NackFailed(_logger, next.Version, Describe(e));
        }

        HeartbeatSoon();
    }

    private void Adopt(SnapshotState held, long version, ConfigHash configHash)
    {
        var changed = held.Version != version || held.ConfigHash != configHash;
        var adopted = changed ? held.WithVersion(version, configHash) : held;
        Update(() =>
        {
            _held = adopted;
            _refusedHead = false;
            _errors = [];
        });
        HeartbeatSoon();
        if (changed)
        {
            KeepOnDisk(adopted);
        }
    }

    [LoggerMessage(EventId = 5531, Level = LogLevel.Information, Message = "Synced version {Version} ({Kind}, {Bytes} bytes) in {Milliseconds:F1} ms: download {DownloadMs:F1} ms, parse {ParseMs:F1} ms, apply and hash {HashMs:F1} ms, compile and swap {CompileMs:F1} ms")]
    private static partial void LogSynced(
        ILogger logger, long version, string kind, long bytes, double milliseconds, double downloadMs, double parseMs, double hashMs, double compileMs);
}
