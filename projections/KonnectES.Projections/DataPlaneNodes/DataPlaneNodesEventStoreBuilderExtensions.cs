using KonnectES.EventStore;
using KonnectES.Projections.DataPlaneNodes;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the data-plane node read model on an event store.</summary>
public static class DataPlaneNodesEventStoreBuilderExtensions
{
    /// <summary>
    /// Adds the node report events (<c>data_plane_node_reported</c>, <c>data_plane_node_refused_snapshot</c>,
    /// <c>data_plane_node_target_health_changed</c>), their inline projection into <c>data_plane_nodes</c> and
    /// <c>data_plane_target_health</c>, the tables' creation at start-up, <see cref="DataPlaneNodeReader"/> and
    /// <see cref="DataPlaneTargetHealthReader"/>.
    /// Call after <c>AddConfigReadModels</c>, whose <c>ReadModelOptions</c> it shares.
    /// </summary>
    public static IEventStoreBuilder AddDataPlaneNodeReadModels(this IEventStoreBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<KonnectES.Projections.ReadModelOptions>();
        builder.Services.Configure<EventStoreOptions>(o => o.Events
            .Register<DataPlaneNodeReported>("data_plane_node_reported")
            .Register<DataPlaneNodeRefusedSnapshot>("data_plane_node_refused_snapshot")
            .Register<DataPlaneNodeTargetHealthChanged>("data_plane_node_target_health_changed"));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DataPlaneNodeMigrationService>());
        builder.Services.TryAddSingleton<DataPlaneNodeReader>();
        builder.Services.TryAddSingleton<DataPlaneTargetHealthReader>();
        return builder.AddProjection<DataPlaneNodeProjection>(ProjectionLifecycle.Inline);
    }
}
