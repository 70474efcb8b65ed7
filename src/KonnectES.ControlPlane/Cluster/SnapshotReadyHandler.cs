using KonnectES.Messaging;

namespace KonnectES.ControlPlane.Cluster;

/// <summary>Every control-plane node hands the broadcast "snapshot ready" to its notification hub.</summary>
internal sealed class SnapshotReadyHandler(SnapshotNotifications notifications) : IMessageHandler<SnapshotReady>
{
    public Task HandleAsync(SnapshotReady message, MessageContext context, CancellationToken cancellationToken)
    {
        notifications.Publish(message);
        return Task.CompletedTask;
    }
}
