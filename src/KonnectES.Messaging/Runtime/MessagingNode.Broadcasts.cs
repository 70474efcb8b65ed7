using Npgsql;

namespace KonnectES.Messaging.Runtime;

internal sealed partial class MessagingNode
{
    private const int BroadcastPage = 500;

    /// <summary>
    /// Reads the broadcasts published after this node's cursor, in order, and delivers each to the local
    /// handlers; a notification wakes it, the poll is the safety net for notifications lost on reconnect.
    /// </summary>
    private async Task BroadcastLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = node.BroadcastWake.Next;
            var read = 0;
            try
            {
                read = await ReceiveBroadcastsAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                MessagingLog.BroadcastReceiverFailed(logger, exception, _broadcastCursor);
            }

            if (read < BroadcastPage)
            {
                await IgnoreCancellationAsync(WakeSignal.WaitAsync(wake, _options.Relay.PollInterval, stoppingToken));
            }
        }
    }

    private async Task<int> ReceiveBroadcastsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.RelayDataSource.OpenConnectionAsync(cancellationToken);
        var page = new List<Envelope>();
        await using (var command = new NpgsqlCommand(_sql.BroadcastRead, connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = _broadcastCursor });
            command.Parameters.Add(new NpgsqlParameter { Value = BroadcastPage });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                page.Add(ReadEnvelope(reader));
            }
        }

        foreach (var envelope in page)
        {
            await DeliverBroadcastAsync(connection, envelope, cancellationToken);
            _broadcastCursor = envelope.Seq;
        }

        return page.Count;
    }

    /// <summary>
    /// Runs the local handlers of one broadcast with in-place retries (later broadcasts wait, keeping the order);
    /// after the last attempt the broadcast is dead-lettered for this node and the receiver moves on.
    /// </summary>
    private async Task DeliverBroadcastAsync(NpgsqlConnection connection, Envelope envelope, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            DispatchOutcome outcome;
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                outcome = await dispatcher.DispatchAsync(envelope, attempt, transaction, beforeFirstUse: null, cancellationToken);
                if (outcome.NoHandler)
                {
                    // Nodes may run different handler sets: a broadcast nobody here handles is not an error.
                    return;
                }

                if (outcome.Succeeded)
                {
                    await transaction.CommitAsync(cancellationToken);
                    tracker.Handled(new HandledMessage(envelope.Id, envelope.MessageType, MessageDelivery.Broadcast, attempt, node.NodeNumber));
                    return;
                }
            }

            var error = outcome.Error!;
            if (outcome.Permanent || attempt >= _options.Retry.MaxAttempts)
            {
                await using var command = new NpgsqlCommand(_sql.BroadcastDeadLetter, connection);
                command.Parameters.Add(new NpgsqlParameter { Value = envelope.Seq });
                command.Parameters.Add(new NpgsqlParameter { Value = node.NodeNumber });
                command.Parameters.Add(new NpgsqlParameter { Value = attempt });
                command.Parameters.Add(new NpgsqlParameter { Value = error.GetType().FullName ?? error.GetType().Name });
                command.Parameters.Add(new NpgsqlParameter { Value = error.Message });
                await command.ExecuteNonQueryAsync(cancellationToken);
                MessagingLog.BroadcastDeadLettered(logger, error, envelope.Id, envelope.MessageType, attempt);
                tracker.DeadLettered(new DeadLetter(
                    envelope.Id, envelope.MessageType, MessageDelivery.Broadcast, attempt,
                    error.GetType().FullName ?? error.GetType().Name, error.Message, node.NodeNumber, DateTimeOffset.UtcNow));
                return;
            }

            var delay = Backoff.Delay(_options.Retry, attempt);
            MessagingLog.BroadcastRetry(logger, error, envelope.Id, envelope.MessageType, attempt, delay);
            await Task.Delay(delay, cancellationToken);
        }
    }
}
