using KonnectES.EventStore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KonnectES.Projections.DataPlaneNodes;

/// <summary>Creates the <c>data_plane_nodes</c> and <c>data_plane_target_health</c> tables when the host starts.</summary>
internal sealed class DataPlaneNodeMigrationService(IEventStore store, IOptions<ReadModelOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => DataPlaneNodeSchema.EnsureAsync(store.DataSource, options.Value.Schema, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
