using Microsoft.Extensions.Logging;

namespace KonnectES.ControlPlane.Cluster;

/// <summary>The cluster endpoint's log messages (event ids 46xx).</summary>
internal static partial class ClusterLog
{
    [LoggerMessage(EventId = 4601, Level = LogLevel.Information, Message = "Data-plane node {NodeId} of control plane {ControlPlaneId} connected to the push channel")]
    public static partial void OutletOpened(ILogger logger, Guid nodeId, Guid controlPlaneId);

    [LoggerMessage(EventId = 4602, Level = LogLevel.Information, Message = "Data-plane node {NodeId} of control plane {ControlPlaneId} left the push channel")]
    public static partial void OutletClosed(ILogger logger, Guid nodeId, Guid controlPlaneId);

    [LoggerMessage(EventId = 4603, Level = LogLevel.Debug, Message = "Not pushing version {Version} to data-plane node {NodeId}: it refused snapshot {SnapshotHash}")]
    public static partial void RefusedNotPushed(ILogger logger, long version, Guid nodeId, string snapshotHash);

    [LoggerMessage(EventId = 4604, Level = LogLevel.Warning, Message = "Data-plane node {NodeId} of control plane {ControlPlaneId} refused version {Version}: {Error}")]
    public static partial void Refused(ILogger logger, Guid nodeId, Guid controlPlaneId, long version, string error);

    [LoggerMessage(EventId = 4605, Level = LogLevel.Debug, Message = "The push channel of data-plane node {NodeId} failed")]
    public static partial void OutletFailed(ILogger logger, Exception exception, Guid nodeId);
}
