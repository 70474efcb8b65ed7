using KonnectES.EventStore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KonnectES.Projections;

/// <summary>Creates the read-model tables when the host starts, before the first append can reach the inline projections.</summary>
internal sealed class ReadModelMigrationService(IEventStore store, IOptions<ReadModelOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => ReadModelSchema.EnsureAsync(store.DataSource, options.Value.Schema, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
