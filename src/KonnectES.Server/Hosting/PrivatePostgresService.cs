using KonnectES.Postgres;

namespace KonnectES.Server.Hosting;

/// <summary>
/// Starts the private PostgreSQL cluster before anything else and stops it after everything else.
/// </summary>
internal sealed class PrivatePostgresService(PrivatePostgres postgres, EventStoreDatabase database) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await postgres.StartAsync(cancellationToken);
        database.ConnectionString = postgres.ConnectionString;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        return StopOnceAsync(cancellationToken);
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await postgres.StopAsync(cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // Two stops can overlap: a host stopped from outside (a test server) is stopped again by RunAsync, which then
            // disposes it, and the cluster with it, while the first stop is still leaving. By then the cluster is stopped.
        }
    }
}
