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
        return postgres.StopAsync(cancellationToken);
    }
}
