using KonnectES.EventStore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KonnectES.Projections.Analytics;

/// <summary>Creates (or upgrades) the analytics tables when the host starts.</summary>
internal sealed class AnalyticsMigrationService(IEventStore store, IOptions<ReadModelOptions> options, IOptions<EventStoreOptions> events) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        AnalyticsSchema.EnsureAsync(store.DataSource, options.Value.Schema, events.Value.Schema, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
