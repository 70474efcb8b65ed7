using KonnectES.EventStore;

namespace KonnectES.Testing;

/// <summary>Waits until a store's async projections have applied every event stored so far.</summary>
public static class ProjectionCatchUp
{
    /// <summary>
    /// The newest position is read from the events table itself: the store's gap-safe read holds back events while
    /// other transactions are open, which would make the wait too short.
    /// </summary>
    public static async Task WaitAsync(IEventStore store, IProjectionDaemon daemon, string schema, CancellationToken cancellationToken = default)
    {
        await using var command = store.DataSource.CreateCommand($"SELECT tx, seq FROM {schema}.events ORDER BY tx DESC, seq DESC LIMIT 1");
        var last = Position.Start;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                last = new Position(reader.GetFieldValue<ulong>(0), reader.GetInt64(1));
            }
        }

        await daemon.WaitForNonStaleAsync(last, TimeSpan.FromSeconds(30), cancellationToken);
    }
}
