using KonnectES.EventStore;
using KonnectES.EventStore.Daemon;
using KonnectES.EventStore.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the event store.
/// </summary>
public static class EventStoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IEventStore"/>, the start-up migration and the async projection daemon
    /// (<see cref="IProjectionDaemon"/>).
    /// </summary>
    public static IEventStoreBuilder AddEventStore(this IServiceCollection services, Action<EventStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (services.Any(d => d.ServiceType == typeof(EventStoreImpl)))
        {
            throw new InvalidOperationException("AddEventStore was already called on this service collection.");
        }

        services.AddOptions<EventStoreOptions>().Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EventStoreOptions>, EventStoreOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton<ProjectionCatalog>();
        services.TryAddSingleton<WakeSignal>();
        services.TryAddSingleton<EventStoreImpl>();
        services.TryAddSingleton<IEventStore>(sp => sp.GetRequiredService<EventStoreImpl>());
        services.TryAddSingleton<ProjectionDaemon>();
        services.TryAddSingleton<IProjectionDaemon>(sp => sp.GetRequiredService<ProjectionDaemon>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SchemaMigrationService>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ProjectionDaemon>());
        return new EventStoreBuilder(services);
    }
}
