using System.Runtime.CompilerServices;
using KonnectES.EventStore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace KonnectES.EventStore;

internal sealed partial class EventStoreImpl
{
    public async Task<long> GetStreamVersionAsync(Guid streamId, CancellationToken cancellationToken = default)
    {
        await using var command = DataSource.CreateCommand(Sql.StreamVersion);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = streamId, NpgsqlDbType = NpgsqlDbType.Uuid });
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? version : 0;
    }

    public async IAsyncEnumerable<EventEnvelope> ReadStreamAsync(
        Guid streamId, long fromVersion = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql.ReadStream, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = streamId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromVersion, NpgsqlDbType = NpgsqlDbType.Bigint });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Serializer.ToEnvelope(StoredEvent.Read(reader));
        }
    }

    public async IAsyncEnumerable<EventEnvelope> ReadAllAsync(
        Position after = default, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var batchSize = Options.ReadBatchSize;
        while (true)
        {
            var page = await ReadPageAsync(DataSource, after, batchSize, cancellationToken);
            foreach (var stored in page)
            {
                yield return Serializer.ToEnvelope(stored);
            }

            if (page.Count < batchSize)
            {
                yield break;
            }

            after = page[^1].Position;
        }
    }

    /// <summary>One page of committed events after <paramref name="after"/>, in (transaction, sequence) order.</summary>
    internal async Task<List<StoredEvent>> ReadPageAsync(NpgsqlDataSource dataSource, Position after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadPageAsync(connection, after, limit, cancellationToken);
    }

    internal async Task<List<StoredEvent>> ReadPageAsync(NpgsqlConnection connection, Position after, int limit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql.ReadAll, connection);
        command.Parameters.Add(new NpgsqlParameter<ulong> { TypedValue = after.Transaction, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after.Sequence, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit, NpgsqlDbType = NpgsqlDbType.Integer });
        var page = new List<StoredEvent>(Math.Min(limit, 4096));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(StoredEvent.Read(reader));
        }

        return page;
    }
}
