using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KonnectES.EventStore.Storage;

/// <summary>Migrates the schema when the host starts, before the daemon runs.</summary>
internal sealed class SchemaMigrationService(EventStoreImpl store, IOptions<EventStoreOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.MigrateOnStartup ? store.EnsureSchemaAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
