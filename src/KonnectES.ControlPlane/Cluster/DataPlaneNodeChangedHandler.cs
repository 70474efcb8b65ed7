using KonnectES.Messaging;

namespace KonnectES.ControlPlane.Cluster;

/// <summary>Every control-plane node wakes its <c>dataPlaneStatusChanged</c> subscriptions of that control plane.</summary>
internal sealed class DataPlaneNodeChangedHandler(DataPlaneNodeNotifications notifications) : IMessageHandler<DataPlaneNodeChanged>
{
    public Task HandleAsync(DataPlaneNodeChanged message, MessageContext context, CancellationToken cancellationToken)
    {
        notifications.Publish(message.ControlPlaneId);
        return Task.CompletedTask;
    }
}
