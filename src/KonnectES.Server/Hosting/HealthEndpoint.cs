using KonnectES.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KonnectES.Server.Hosting;

/// <summary><c>GET /health</c>: the role, and whether the event store answers with its migrated schema.</summary>
internal static class HealthEndpoint
{
    public static async Task<IResult> HandleAsync(
        IEventStore store, IOptions<EventStoreOptions> options, EventStoreDatabase database, RunningRole running, CancellationToken cancellationToken)
    {
        var schema = options.Value.Schema;
        try
        {
            await using var command = store.DataSource.CreateCommand($"SELECT coalesce(max(version), 0) FROM {schema}.schema_migrations");
            var version = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
            return Results.Json(new HealthReport("healthy", running.Role.Name(), database.IsPrivate ? "private" : "configured", schema, version));
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            return Results.Json(
                new HealthReport("unhealthy", running.Role.Name(), database.IsPrivate ? "private" : "configured", schema, 0, exception.Message),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
