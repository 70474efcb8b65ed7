using KonnectES.ControlPlane.Configuration;
using KonnectES.EventStore;
using KonnectES.Projections.AuditLog;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers configuration command handling and history.
/// </summary>
public static class ConfigurationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ConfigCommandHandler"/> and <see cref="ConfigHistory"/>. The host also calls
    /// <c>AddEventStore(o => o.RegisterConfigEvents()).AddConfigReadModels()</c>, which they build on.
    /// </summary>
    public static IServiceCollection AddConfigCommands(this IServiceCollection services, Action<ConfigurationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ConfigurationOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddLogging();
        services.TryAddSingleton<ConfigCheckpoints>();
        services.TryAddSingleton<ConfigStateCache>();
        services.TryAddSingleton(sp => new ConfigCommandHandler(
            sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<ConfigStateCache>(), sp.GetRequiredService<ConfigCheckpoints>(),
            sp.GetRequiredService<IOptions<ConfigurationOptions>>(), sp.GetRequiredService<ILogger<ConfigCommandHandler>>()));
        services.TryAddSingleton(sp => new ConfigHistory(
            sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<ConfigCheckpoints>(), sp.GetRequiredService<ConfigStateCache>(),
            sp.GetRequiredService<ConfigCommandHandler>(), sp.GetRequiredService<AuditLogReader>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ConfigurationMigrationService>());
        return services;
    }
}
