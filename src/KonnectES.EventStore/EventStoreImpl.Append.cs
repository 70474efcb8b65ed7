using KonnectES.EventStore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace KonnectES.EventStore;

internal sealed partial class EventStoreImpl
{
    private const string UniqueViolation = "23505";

    public async Task<AppendResult> AppendAsync(
        Guid streamId, ExpectedVersion expected, IReadOnlyList<object> events, EventMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var results = await AppendAsync([new StreamAppend(streamId, expected, events)], metadata, cancellationToken);
        return results[0];
    }

    public async Task<IReadOnlyList<AppendResult>> AppendAsync(
        IReadOnlyList<StreamAppend> appends, EventMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appends);
        var prepared = Prepare(appends);
        metadata ??= EventMetadata.None;
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        IReadOnlyList<AppendResult> results;
        if (prepared.Length == 1 && _catalog.Inline.Count == 0 && _participants.Length == 0)
        {
            // One statement is atomic on its own: no BEGIN/COMMIT round trip.
            results = [await AppendAutocommitAsync(connection, prepared[0], metadata, cancellationToken)];
        }
        else
        {
            PreparedAppend? conflicted;
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                (results, conflicted) = await AppendInOpenTransactionAsync(transaction, prepared, metadata, cancellationToken);
                if (conflicted is null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
            }

            if (conflicted is not null)
            {
                throw await ConflictAsync(connection, conflicted, cancellationToken);
            }
        }

        SignalAppended();
        await NotifyCommittedAsync(results, cancellationToken);
        return results;
    }

    public async Task<AppendResult> AppendInTransactionAsync(
        NpgsqlTransaction transaction, Guid streamId, ExpectedVersion expected, IReadOnlyList<object> events,
        EventMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(events);
        var prepared = Prepare([new StreamAppend(streamId, expected, events)]);
        var (results, conflicted) = await AppendInOpenTransactionAsync(transaction, prepared, metadata ?? EventMetadata.None, cancellationToken);
        if (conflicted is not null)
        {
            // The caller's transaction may be aborted (unique violation): read the committed version elsewhere.
            await using var other = await DataSource.OpenConnectionAsync(cancellationToken);
            throw await ConflictAsync(other, conflicted, cancellationToken);
        }

        // Delivered when the caller commits, dropped if it rolls back.
        await using var notify = new NpgsqlCommand(Sql.Notify, transaction.Connection, transaction);
        await notify.ExecuteNonQueryAsync(cancellationToken);
        return results[0];
    }

    private async Task<AppendResult> AppendAutocommitAsync(
        NpgsqlConnection connection, PreparedAppend append, EventMetadata metadata, CancellationToken cancellationToken)
    {
        // "Any" and "stream exists" promise no version check: when a concurrent writer took the next version
        // first, read the new last version and try again.
        for (var attempt = 1; ; attempt++)
        {
            var (result, raced) = await TryExecuteAppendAsync(connection, null, append, metadata, cancellationToken);
            if (result is not null)
            {
                return result;
            }

            var retry = raced && append.Expected.Value < 0 && attempt < 10;
            if (!retry)
            {
                throw await ConflictAsync(connection, append, cancellationToken);
            }
        }
    }

    private async Task<(IReadOnlyList<AppendResult> Results, PreparedAppend? Conflicted)> AppendInOpenTransactionAsync(
        NpgsqlTransaction transaction, PreparedAppend[] prepared, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var results = new AppendResult[prepared.Length];
        for (var i = 0; i < prepared.Length; i++)
        {
            var (result, _) = await TryExecuteAppendAsync(connection, transaction, prepared[i], metadata, cancellationToken);
            if (result is null)
            {
                return (results, prepared[i]);
            }

            results[i] = result;
        }

        if (_catalog.Inline.Count == 0 && _participants.Length == 0)
        {
            return (results, null);
        }

        var envelopes = results.Length == 1 ? results[0].Events : [.. results.SelectMany(r => r.Events)];
        var context = new ProjectionContext(connection, transaction, isRebuild: false);
        try
        {
            foreach (var projection in _catalog.Inline)
            {
                await projection.ApplyAsync(context, envelopes, cancellationToken);
            }

            foreach (var participant in _participants)
            {
                await participant.OnAppendingAsync(context, envelopes, cancellationToken);
            }

            await context.FlushAsync(cancellationToken);
        }
        finally
        {
            await context.DisposeBatchAsync();
        }

        return (results, null);
    }

    /// <summary>Runs one stream's INSERT; a null result means the version check failed (raced: on the unique index).</summary>
    private async Task<(AppendResult? Result, bool Raced)> TryExecuteAppendAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, PreparedAppend append, EventMetadata metadata, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(null, connection, transaction);
        Bind(command, append, metadata);
        var rows = new List<(long Seq, ulong Tx, long Version, DateTimeOffset At)>(append.Events.Count);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt64(0), reader.GetFieldValue<ulong>(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3)));
            }
        }
        catch (PostgresException exception) when (exception is { SqlState: UniqueViolation, ConstraintName: "events_stream_version" })
        {
            return (null, true);
        }

        if (rows.Count == 0)
        {
            return (null, false);
        }

        if (rows.Count != append.Events.Count)
        {
            throw new InvalidOperationException($"Stream {append.StreamId}: {rows.Count} of {append.Events.Count} events were stored.");
        }

        rows.Sort((a, b) => a.Version.CompareTo(b.Version));
        var envelopes = new EventEnvelope[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            envelopes[i] = new EventEnvelope(
                append.EventIds[i], append.StreamId, row.Version, new Position(row.Tx, row.Seq), append.Types[i], append.Events[i], row.At, metadata);
        }

        return (new AppendResult(append.StreamId, rows[^1].Version, envelopes[^1].Position, envelopes), false);
    }

    private void Bind(NpgsqlCommand command, PreparedAppend append, EventMetadata metadata)
    {
        var mode = EventStoreSql.ModeIndex(append.Expected);
        var single = append.Events.Count == 1;
        command.CommandText = single ? Sql.AppendOne[mode] : Sql.AppendMany[mode];
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<Guid> { TypedValue = append.StreamId, NpgsqlDbType = NpgsqlDbType.Uuid });
        if (single)
        {
            p.Add(new NpgsqlParameter<Guid> { TypedValue = append.EventIds[0], NpgsqlDbType = NpgsqlDbType.Uuid });
            p.Add(new NpgsqlParameter<string> { TypedValue = append.Types[0], NpgsqlDbType = NpgsqlDbType.Text });
            p.Add(new NpgsqlParameter<string> { TypedValue = append.Data[0], NpgsqlDbType = NpgsqlDbType.Jsonb });
        }
        else
        {
            p.Add(new NpgsqlParameter<Guid[]> { TypedValue = append.EventIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            p.Add(new NpgsqlParameter<string[]> { TypedValue = append.Types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            p.Add(new NpgsqlParameter<string[]> { TypedValue = append.Data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        }

        p.Add(Text(metadata.TenantId));
        p.Add(Text(metadata.Actor));
        p.Add(Text(metadata.CorrelationId));
        p.Add(Text(metadata.CausationId));
        p.Add(new NpgsqlParameter { Value = (object?)Serializer.SerializeHeaders(metadata.Headers) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb });
        if (mode == EventStoreSql.ExactMode)
        {
            p.Add(new NpgsqlParameter<long> { TypedValue = append.Expected.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        }
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private async Task<ConcurrencyException> ConflictAsync(NpgsqlConnection connection, PreparedAppend append, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql.StreamVersion, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = append.StreamId, NpgsqlDbType = NpgsqlDbType.Uuid });
        var actual = await command.ExecuteScalarAsync(cancellationToken);
        return new ConcurrencyException(append.StreamId, append.Expected, actual is long version ? version : 0);
    }

    private PreparedAppend[] Prepare(IReadOnlyList<StreamAppend> appends)
    {
        if (appends.Count == 0)
        {
            throw new ArgumentException("At least one stream must be appended to.", nameof(appends));
        }

        var prepared = new PreparedAppend[appends.Count];
        var seen = new HashSet<Guid>();
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i] ?? throw new ArgumentException("A stream append is null.", nameof(appends));
            if (append.Events is null || append.Events.Count == 0)
            {
                throw new ArgumentException($"Stream {append.StreamId}: at least one event is required.", nameof(appends));
            }

            if (!seen.Add(append.StreamId))
            {
                throw new ArgumentException($"Stream {append.StreamId} appears twice in one append.", nameof(appends));
            }

            var count = append.Events.Count;
            var ids = new Guid[count];
            var types = new string[count];
            var data = new string[count];
            for (var e = 0; e < count; e++)
            {
                var @event = append.Events[e] ?? throw new ArgumentException("An event is null.", nameof(appends));
                ids[e] = Guid.CreateVersion7();
                types[e] = Serializer.NameOf(@event);
                data[e] = Serializer.Serialize(@event);
            }

            prepared[i] = new PreparedAppend(append.StreamId, append.ExpectedVersion, append.Events, ids, types, data);
        }

        return prepared;
    }

    private async Task NotifyCommittedAsync(IReadOnlyList<AppendResult> results, CancellationToken cancellationToken)
    {
        if (_participants.Length == 0)
        {
            return;
        }

        var envelopes = results.Count == 1 ? results[0].Events : [.. results.SelectMany(r => r.Events)];
        foreach (var participant in _participants)
        {
            try
            {
                await participant.OnCommittedAsync(envelopes, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The events are committed; a participant must recover on its own (e.g. an outbox relay's poll).
                EventStoreLog.ParticipantAfterCommitFailed(_logger, exception);
            }
        }
    }

    private sealed record PreparedAppend(
        Guid StreamId, ExpectedVersion Expected, IReadOnlyList<object> Events, Guid[] EventIds, string[] Types, string[] Data);
}
