using System.Data;
using KonnectES.EventStore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace KonnectES.EventStore.Daemon;

internal sealed partial class ProjectionRunner
{
    /// <summary>Deserialises a page; an event that cannot be read carries its error instead.</summary>
    private DecodedEvent[] Decode(List<StoredEvent> page)
    {
        var decoded = new DecodedEvent[page.Count];
        for (var i = 0; i < page.Count; i++)
        {
            try
            {
                decoded[i] = new DecodedEvent(page[i], store.Serializer.ToEnvelope(page[i]), null);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                decoded[i] = new DecodedEvent(page[i], null, exception);
            }
        }

        return decoded;
    }

    private async Task ProcessPageAsync(NpgsqlConnection session, DecodedEvent[] page, bool isRebuild, CancellationToken cancellationToken)
    {
        var good = new List<EventEnvelope>(page.Length);
        foreach (var item in page)
        {
            if (item.Envelope is null)
            {
                // Unknown type or unreadable JSON: no retry can help.
                await ApplyWithRetriesAsync(session, good, isRebuild, cancellationToken);
                good.Clear();
                await DeadLetterAsync(session, item.Stored, item.Error!, isRebuild, cancellationToken);
                continue;
            }

            good.Add(item.Envelope);
        }

        await ApplyWithRetriesAsync(session, good, isRebuild, cancellationToken);
    }

    private async Task ApplyWithRetriesAsync(NpgsqlConnection session, List<EventEnvelope> events, bool isRebuild, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        EventEnvelope[] batch = [.. events];
        var error = await TryApplyAsync(session, batch, isRebuild, cancellationToken);
        if (error is null)
        {
            return;
        }

        // Find the poison event: apply one at a time, dead-letter what still fails.
        foreach (var single in batch)
        {
            var singleError = batch.Length == 1 ? error : await TryApplyAsync(session, [single], isRebuild, cancellationToken);
            if (singleError is not null)
            {
                await DeadLetterAsync(session, ToStored(single), singleError, isRebuild, cancellationToken);
            }
        }
    }

    private async Task<Exception?> TryApplyAsync(NpgsqlConnection session, EventEnvelope[] events, bool isRebuild, CancellationToken cancellationToken)
    {
        Exception? last = null;
        for (var attempt = 1; attempt <= Options.MaxRetries + 1; attempt++)
        {
            try
            {
                await ApplyOnceAsync(session, events, isRebuild, cancellationToken);
                return null;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && session.State == ConnectionState.Open)
            {
                last = exception;
                EventStoreLog.PageFailed(logger, exception, Name, attempt);
                if (attempt <= Options.MaxRetries)
                {
                    await Task.Delay(Options.RetryDelay * (1 << (attempt - 1)), cancellationToken);
                }
            }
        }

        return last;
    }

    private async Task ApplyOnceAsync(NpgsqlConnection session, EventEnvelope[] events, bool isRebuild, CancellationToken cancellationToken)
    {
        await using var transaction = await session.BeginTransactionAsync(cancellationToken);
        var context = new ProjectionContext(session, transaction, isRebuild);
        try
        {
            await projection.ApplyAsync(context, events, cancellationToken);

            // The checkpoint rides in the same round trip as the projection's batched commands.
            context.Batch.BatchCommands.Add(SaveProgressCommand(events[^1].Position, isRebuild));
            await context.FlushAsync(cancellationToken);
        }
        finally
        {
            await context.DisposeBatchAsync();
        }

        await transaction.CommitAsync(cancellationToken);
        Checkpoint = events[^1].Position;
        progress.Pulse();
    }

    private async Task DeadLetterAsync(NpgsqlConnection session, StoredEvent stored, Exception error, bool isRebuild, CancellationToken cancellationToken)
    {
        await using var transaction = await session.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(store.Sql.DeadLetter, session, transaction))
        {
            var p = command.Parameters;
            p.Add(new NpgsqlParameter<string> { TypedValue = Name, NpgsqlDbType = NpgsqlDbType.Text });
            p.Add(new NpgsqlParameter<long> { TypedValue = stored.Position.Sequence, NpgsqlDbType = NpgsqlDbType.Bigint });
            p.Add(new NpgsqlParameter<ulong> { TypedValue = stored.Position.Transaction, NpgsqlDbType = NpgsqlDbType.Xid8 });
            p.Add(new NpgsqlParameter<Guid> { TypedValue = stored.EventId, NpgsqlDbType = NpgsqlDbType.Uuid });
            p.Add(new NpgsqlParameter<Guid> { TypedValue = stored.StreamId, NpgsqlDbType = NpgsqlDbType.Uuid });
            p.Add(new NpgsqlParameter<long> { TypedValue = stored.Version, NpgsqlDbType = NpgsqlDbType.Bigint });
            p.Add(new NpgsqlParameter<string> { TypedValue = stored.EventType, NpgsqlDbType = NpgsqlDbType.Text });
            p.Add(new NpgsqlParameter<string> { TypedValue = error.ToString(), NpgsqlDbType = NpgsqlDbType.Text });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await SaveProgressAsync(session, transaction, stored.Position, isRebuild, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Checkpoint = stored.Position;
        EventStoreLog.DeadLettered(logger, error, Name, stored.EventType, stored.Position);
        progress.Pulse();
    }

    private static StoredEvent ToStored(EventEnvelope e) =>
        new(e.Position, e.EventId, e.StreamId, e.Version, e.EventType, string.Empty, null, null, null, null, null, e.Timestamp);
}
