using System.Text.Json;
using KonnectES.Messaging.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace KonnectES.Messaging.Runtime;

/// <summary>
/// Inserts outbox rows with one <c>unnest</c> statement and a <c>pg_notify</c> that PostgreSQL delivers at commit.
/// </summary>
internal sealed class Outbox(MessagingDatabase database, MessageTypeRegistry registry, IOptions<MessagingOptions> options) : IOutbox
{
    private readonly JsonSerializerOptions _serializerOptions = options.Value.SerializerOptions;

    public async Task<Guid> EnqueueAsync<TMessage>(NpgsqlTransaction transaction, TMessage message, MessageOptions? options = null, CancellationToken cancellationToken = default)
        where TMessage : notnull
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(message);
        var ids = await EnqueueManyAsync(transaction, [new OutgoingMessage(message, options)], cancellationToken);
        return ids[0];
    }

    public async Task<IReadOnlyList<Guid>> EnqueueManyAsync(NpgsqlTransaction transaction, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(messages);
        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction is already completed.");
        var count = messages.Count;
        if (count == 0)
        {
            return [];
        }

        var ids = new Guid[count];
        var types = new string[count];
        var bodies = new byte[count][];
        var correlations = new string?[count];
        var causations = new string?[count];
        var headers = new string?[count];
        var broadcasts = new bool[count];
        var delays = new TimeSpan?[count];
        for (var i = 0; i < count; i++)
        {
            var outgoing = messages[i] ?? throw new ArgumentException("A message of the batch is null.", nameof(messages));
            ArgumentNullException.ThrowIfNull(outgoing.Message);
            var o = outgoing.Options;
            var type = outgoing.Message.GetType();
            ids[i] = o?.MessageId ?? Guid.CreateVersion7();
            types[i] = registry.NameOf(type);
            bodies[i] = JsonSerializer.SerializeToUtf8Bytes(outgoing.Message, type, _serializerOptions);
            correlations[i] = o?.CorrelationId;
            causations[i] = o?.CausationId;
            headers[i] = o?.Headers is { Count: > 0 } h ? JsonSerializer.Serialize(h) : null;
            broadcasts[i] = o?.Delivery == MessageDelivery.Broadcast;
            delays[i] = broadcasts[i] ? null : o?.Delay;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        var insert = new NpgsqlBatchCommand(database.Sql.Enqueue);
        insert.Parameters.Add(new NpgsqlParameter { Value = ids });
        insert.Parameters.Add(new NpgsqlParameter { Value = types });
        insert.Parameters.Add(new NpgsqlParameter { Value = bodies, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        insert.Parameters.Add(new NpgsqlParameter { Value = correlations, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter { Value = causations, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter { Value = headers, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter { Value = broadcasts });
        insert.Parameters.Add(new NpgsqlParameter { Value = delays, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Interval });
        batch.BatchCommands.Add(insert);

        // Notifications are sent only if and when the transaction commits; identical ones fold into one.
        batch.BatchCommands.Add(new NpgsqlBatchCommand(database.Sql.Notify));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return ids;
    }

    public async Task<Guid> SendAsync<TMessage>(TMessage message, MessageOptions? options = null, CancellationToken cancellationToken = default)
        where TMessage : notnull
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await EnqueueAsync(transaction, message, options, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }
}
