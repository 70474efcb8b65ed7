using KonnectES.Messaging.Storage;

namespace KonnectES.Messaging.Runtime;

internal sealed class DeadLetterQueue(MessagingDatabase database) : IDeadLetterQueue
{
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = database.DataSource.CreateCommand(database.Sql.DeadLetterList);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new DeadLetter(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetBoolean(2) ? MessageDelivery.Broadcast : MessageDelivery.PointToPoint,
                reader.GetInt32(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetInt32(6),
                reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return result;
    }

    public async Task<int> ReplayAsync(Guid messageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new Npgsql.NpgsqlBatch(connection, transaction);

        // A replayed broadcast must be publishable again under its id.
        batch.BatchCommands.Add(Command(database.Sql.DeadLetterReplayBroadcastCleanup, messageId));
        var replay = Command(database.Sql.DeadLetterReplay, messageId);
        batch.BatchCommands.Add(replay);
        batch.BatchCommands.Add(new Npgsql.NpgsqlBatchCommand(database.Sql.Notify));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return replay.RecordsAffected;
    }

    public async Task<int> PurgeAsync(Guid messageId, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand(database.Sql.DeadLetterPurge);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = messageId });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Npgsql.NpgsqlBatchCommand Command(string sql, Guid messageId)
    {
        var command = new Npgsql.NpgsqlBatchCommand(sql);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = messageId });
        return command;
    }
}
