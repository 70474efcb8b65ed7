using KonnectES.EventStore;
using KonnectES.Projections;
using KonnectES.Projections.AuditLog;
using KonnectES.Projections.ConfigSnapshot;
using KonnectES.Projections.ControlPlanes;
using KonnectES.Projections.Entities;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the configuration read models on an event store.
/// </summary>
public static class ReadModelsEventStoreBuilderExtensions
{
    /// <summary>
    /// Adds the inline projections (control planes, entity tables, config snapshot, audit log), the start-up
    /// creation of their tables, and their readers (<see cref="ControlPlaneRecordReader"/>, <see cref="EntityRecordReader"/>,
    /// <see cref="ConfigSnapshotReader"/>, <see cref="AuditLogReader"/>).
    /// </summary>
    public static IEventStoreBuilder AddConfigReadModels(this IEventStoreBuilder builder, Action<ReadModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<ReadModelOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ReadModelMigrationService>());
        builder.Services.TryAddSingleton<ControlPlaneRecordReader>();
        builder.Services.TryAddSingleton<EntityRecordReader>();
        builder.Services.TryAddSingleton<ConfigSnapshotReader>();
        builder.Services.TryAddSingleton<AuditLogReader>();
        return builder
            .AddProjection<ControlPlaneRecordProjection>(ProjectionLifecycle.Inline)
            .AddProjection<EntityRecordProjection>(ProjectionLifecycle.Inline)
            .AddProjection<ConfigSnapshotProjection>(ProjectionLifecycle.Inline)
            .AddProjection<AuditLogProjection>(ProjectionLifecycle.Inline);
    }
}
