using KonnectES.EventStore;
using Microsoft.Extensions.Hosting;

namespace KonnectES.ControlPlane.Configuration;

/// <summary>Creates the history checkpoint table at start-up.</summary>
internal sealed class ConfigurationMigrationService(IEventStore store, ConfigCheckpoints checkpoints) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand(checkpoints.Ddl);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
