using KonnectES.ControlPlane.Cluster;
using KonnectES.EventStore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Composes the cluster endpoint: its services, its messages and its append participant.</summary>
public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// Adds the notification hubs, the node reports and <see cref="ClusterOptions"/> (bound by the host from
    /// <c>Cluster:*</c>). The host also calls <see cref="AddClusterEvents"/> on the event store and
    /// <see cref="AddClusterMessages"/> on the messaging, then maps <see cref="ClusterEndpoints.MapCluster"/>.
    /// </summary>
    public static IServiceCollection AddCluster(this IServiceCollection services, Action<ClusterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ClusterOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SnapshotNotifications>();
        services.TryAddSingleton<DataPlaneNodeNotifications>();
        services.TryAddSingleton<DataPlaneNodeReports>();
        return services;
    }

    /// <summary>
    /// Adds the data-plane node read model and the participant that writes "snapshot ready" and "node changed" into the
    /// outbox in the append's transaction.
    /// </summary>
    public static IEventStoreBuilder AddClusterEvents(this IEventStoreBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddDataPlaneNodeReadModels().AddAppendParticipant<ClusterAppendParticipant>();
    }

    /// <summary>Registers the cluster's broadcast messages under their stored names, and the handlers every node runs.</summary>
    public static IMessagingBuilder AddClusterMessages(this IMessagingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddMessageType<SnapshotReady>("cluster.snapshot-ready")
            .AddMessageType<DataPlaneNodeChanged>("cluster.data-plane-node-changed")
            .AddHandler<SnapshotReady, SnapshotReadyHandler>()
            .AddHandler<DataPlaneNodeChanged, DataPlaneNodeChangedHandler>();
    }
}
