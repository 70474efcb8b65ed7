using KonnectES.DataPlane.Sync;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the sync client of the cluster protocol.</summary>
internal static class SyncServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="SyncClient"/> as a singleton and a hosted service. The host registers the
    /// <see cref="ISnapshotApplier"/> (the proxy) and, for heartbeats that report target health, an
    /// <see cref="ITargetHealthSource"/>. <paramref name="configure"/> fills the options, e.g. with
    /// <see cref="SyncClientOptions.FromSettings"/> over the configuration.
    /// </summary>
    public static IServiceCollection AddSyncClient(this IServiceCollection services, Action<SyncClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new SyncClientOptions();
        configure(options);
        services.AddSingleton(options);
        services.AddSingleton(sp => new SyncClient(
            options, sp.GetRequiredService<ISnapshotApplier>(), sp.GetRequiredService<ILogger<SyncClient>>(), sp.GetService<ITargetHealthSource>()));
        services.AddHostedService(sp => sp.GetRequiredService<SyncClient>());
        return services;
    }
}
