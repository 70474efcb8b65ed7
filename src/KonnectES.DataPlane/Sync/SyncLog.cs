using KonnectES.Domain;
using Microsoft.Extensions.Logging;

namespace KonnectES.DataPlane.Sync;

/// <summary>The sync client's log messages (event ids 55xx).</summary>
internal static partial class SyncLog
{
    [LoggerMessage(EventId = 5501, Level = LogLevel.Warning, Message = "Ignoring the cached snapshot {Path}: {Reason}")]
    public static partial void CacheIgnored(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 5502, Level = LogLevel.Information, Message = "Serving the cached snapshot of version {Version} (snapshot hash {SnapshotHash}) until a control-plane node answers")]
    public static partial void CacheLoaded(ILogger logger, long version, ConfigHash snapshotHash);

    [LoggerMessage(EventId = 5503, Level = LogLevel.Warning, Message = "The proxy refused the cached snapshot of version {Version}: {Error}")]
    public static partial void CacheRefused(ILogger logger, long version, string error);

    [LoggerMessage(EventId = 5504, Level = LogLevel.Warning, Message = "Could not write the snapshot cache {Path}")]
    public static partial void CacheWriteFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 5510, Level = LogLevel.Information, Message = "Listening for configuration changes at {Url} ({Transport})")]
    public static partial void ChannelOpened(ILogger logger, Uri url, string transport);

    [LoggerMessage(EventId = 5511, Level = LogLevel.Warning, Message = "The change channel to {Url} failed; retrying in {Delay}: {Error}")]
    public static partial void ChannelFailed(ILogger logger, Uri url, TimeSpan delay, string error);

    [LoggerMessage(EventId = 5512, Level = LogLevel.Warning, Message = "The WebSocket upgrade was refused ({StatusCode}); falling back to long-polling")]
    public static partial void FallingBackToLongPolling(ILogger logger, int statusCode);

    [LoggerMessage(EventId = 5520, Level = LogLevel.Information, Message = "Applied configuration version {Version} (snapshot hash {SnapshotHash}) from a {Kind}")]
    public static partial void Applied(ILogger logger, long version, ConfigHash snapshotHash, string kind);

    [LoggerMessage(EventId = 5521, Level = LogLevel.Warning, Message = "The delta to version {Version} gave snapshot hash {Computed}, not {Expected}; pulling the full snapshot")]
    public static partial void DeltaMismatch(ILogger logger, long version, ConfigHash computed, ConfigHash? expected);

    [LoggerMessage(EventId = 5522, Level = LogLevel.Information, Message = "The node has no delta from version {Version} ({Reason}); pulling the full snapshot")]
    public static partial void DeltaUnavailable(ILogger logger, long version, string reason);

    [LoggerMessage(EventId = 5523, Level = LogLevel.Warning, Message = "The proxy refused configuration version {Version} (snapshot hash {SnapshotHash}): {Error}")]
    public static partial void Refused(ILogger logger, long version, ConfigHash snapshotHash, string error);

    [LoggerMessage(EventId = 5524, Level = LogLevel.Warning, Message = "Pulling configuration version {Version} failed; retrying in {Delay}: {Error}")]
    public static partial void PullFailed(ILogger logger, long version, TimeSpan delay, string error);

    [LoggerMessage(EventId = 5525, Level = LogLevel.Warning, Message = "Sending the NACK of version {Version} failed: {Error}")]
    public static partial void NackFailed(ILogger logger, long version, string error);

    [LoggerMessage(EventId = 5530, Level = LogLevel.Debug, Message = "The heartbeat failed: {Error}")]
    public static partial void HeartbeatFailed(ILogger logger, string error);
}
