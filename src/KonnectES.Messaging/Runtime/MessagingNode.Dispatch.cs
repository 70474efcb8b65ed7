using Npgsql;

namespace KonnectES.Messaging.Runtime;

internal sealed partial class MessagingNode
{
    /// <summary>
    /// Dispatches claimed point-to-point messages in one transaction: skip rows whose lease was already lost, record the ids in the inbox (duplicates are dropped), run each message's handlers (under a
    /// savepoint taken when a handler first asks for the transaction), then delete the handled rows, reschedule or dead-letter the failed ones — each only while
    /// still claimed by this claim — and commit only if all of them still were.
    /// </summary>
    private async Task DispatchBatchAsync(NpgsqlConnection connection, Guid claim, List<Envelope> envelopes, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var fenced = new HashSet<long>();
        var fresh = new HashSet<Guid>();
        await using (var start = new NpgsqlBatch(connection, transaction))
        {
            var seqs = envelopes.Select(e => e.Seq).ToArray();
            start.BatchCommands.Add(Command(_sql.StillClaimed, seqs, claim));
            start.BatchCommands.Add(Command(_sql.InboxInsert, seqs, claim, node.NodeNumber));
            await using var reader = await start.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                fenced.Add(reader.GetInt64(0));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                fresh.Add(reader.GetGuid(0));
            }
        }

        var done = new List<long>();
        var forget = new List<Guid>();
        var retries = new List<(Envelope Envelope, TimeSpan Delay, Exception Error)>();
        var dead = new List<(Envelope Envelope, Exception Error)>();
        var handled = new List<Envelope>();
        await using var savepoint = new NpgsqlCommand(_sql.Savepoint, connection, transaction);
        await using var rollback = new NpgsqlCommand(_sql.RollbackToSavepoint, connection, transaction);
        Func<CancellationToken, Task> takeSavepoint = savepoint.ExecuteNonQueryAsync;
        foreach (var envelope in envelopes)
        {
            if (!fenced.Contains(envelope.Seq))
            {
                MessagingLog.ClaimLost(logger, envelope.Seq);
                continue;
            }

            if (!fresh.Remove(envelope.Id))
            {
                MessagingLog.DuplicateDropped(logger, envelope.Id);
                done.Add(envelope.Seq);
                continue;
            }

            var outcome = await dispatcher.DispatchAsync(envelope, envelope.Attempts, transaction, takeSavepoint, cancellationToken);
            if (outcome.Succeeded)
            {
                done.Add(envelope.Seq);
                handled.Add(envelope);
                continue;
            }

            if (outcome.UsedTransaction)
            {
                await rollback.ExecuteNonQueryAsync(cancellationToken);
            }

            forget.Add(envelope.Id);
            if (outcome.Permanent || envelope.Attempts >= _options.Retry.MaxAttempts)
            {
                dead.Add((envelope, outcome.Error!));
            }
            else
            {
                retries.Add((envelope, Backoff.Delay(_options.Retry, envelope.Attempts), outcome.Error!));
            }
        }

        var expected = done.Count + retries.Count + dead.Count;
        await using (var finish = new NpgsqlBatch(connection, transaction))
        {
            if (done.Count > 0)
            {
                finish.BatchCommands.Add(Command(_sql.DeleteDone, done.ToArray(), claim));
            }

            if (forget.Count > 0)
            {
                finish.BatchCommands.Add(Command(_sql.InboxForget, forget.ToArray()));
            }

            if (retries.Count > 0)
            {
                finish.BatchCommands.Add(Command(
                    _sql.Reschedule,
                    retries.Select(r => r.Envelope.Seq).ToArray(),
                    retries.Select(r => r.Delay).ToArray(),
                    retries.Select(r => Describe(r.Error)).ToArray(),
                    claim));
            }

            if (dead.Count > 0)
            {
                finish.BatchCommands.Add(Command(
                    _sql.DeadLetterMove,
                    dead.Select(d => d.Envelope.Seq).ToArray(),
                    dead.Select(d => d.Error.GetType().FullName ?? d.Error.GetType().Name).ToArray(),
                    dead.Select(d => d.Error.Message).ToArray(),
                    node.NodeNumber,
                    claim));
            }

            if (finish.BatchCommands.Count > 0)
            {
                await finish.ExecuteNonQueryAsync(cancellationToken);
            }

            // The fence: if the lease expired and another node re-claimed any row meanwhile, none of this
            // batch's work commits (that node handles those messages; the inbox keeps the rest from running twice).
            var affected = finish.BatchCommands.Cast<NpgsqlBatchCommand>().Where(c => c.CommandText != _sql.InboxForget).Sum(c => c.RecordsAffected);
            if (affected != expected)
            {
                MessagingLog.ClaimLost(logger, envelopes[0].Seq);
                await transaction.RollbackAsync(cancellationToken);
                return;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        Report(handled, retries, dead);
    }

    private void Report(List<Envelope> handled, List<(Envelope Envelope, TimeSpan Delay, Exception Error)> retries, List<(Envelope Envelope, Exception Error)> dead)
    {
        foreach (var envelope in handled)
        {
            tracker.Handled(new HandledMessage(envelope.Id, envelope.MessageType, MessageDelivery.PointToPoint, envelope.Attempts, node.NodeNumber));
        }

        foreach (var (envelope, delay, error) in retries)
        {
            MessagingLog.RetryScheduled(logger, error, envelope.Id, envelope.MessageType, envelope.Attempts, delay);
            ScheduleWake(delay);
        }

        foreach (var (envelope, error) in dead)
        {
            MessagingLog.DeadLettered(logger, error, envelope.Id, envelope.MessageType, envelope.Attempts);
            tracker.DeadLettered(new DeadLetter(
                envelope.Id, envelope.MessageType, MessageDelivery.PointToPoint, envelope.Attempts,
                error.GetType().FullName ?? error.GetType().Name, error.Message, node.NodeNumber, DateTimeOffset.UtcNow));
        }
    }

    private static string Describe(Exception error) => $"{error.GetType().FullName}: {error.Message}";
}
