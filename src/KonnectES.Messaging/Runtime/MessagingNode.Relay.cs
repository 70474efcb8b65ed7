using System.Diagnostics;
using Npgsql;

namespace KonnectES.Messaging.Runtime;

internal sealed partial class MessagingNode
{
    private long _nextRetryTimestamp = long.MaxValue;

    /// <summary>
    /// Claims due rows and dispatches them until a claim comes back short, then sleeps until a notification,
    /// the next scheduled retry or the fallback poll, whichever comes first.
    /// </summary>
    private async Task RelayLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = node.OutboxWake.Next;
            var claimed = 0;
            try
            {
                claimed = await RelayOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                MessagingLog.RelayFailed(logger, exception);
            }

            node.RelayCycle.Pulse();
            if (claimed >= _options.Relay.BatchSize)
            {
                continue;
            }

            var wait = _options.Relay.PollInterval;
            var retryAt = Interlocked.Read(ref _nextRetryTimestamp);
            if (retryAt != long.MaxValue)
            {
                var untilRetry = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), retryAt);
                if (untilRetry < wait)
                {
                    wait = untilRetry;
                    Interlocked.Exchange(ref _nextRetryTimestamp, long.MaxValue);
                }
            }

            await IgnoreCancellationAsync(WakeSignal.WaitAsync(wake, wait, stoppingToken));
        }
    }

    private async Task<int> RelayOnceAsync(CancellationToken cancellationToken)
    {
        var claim = Guid.NewGuid();
        node.InFlightClaims[claim] = 0;
        try
        {
            await using var connection = await database.RelayDataSource.OpenConnectionAsync(cancellationToken);
            var batch = await ClaimAsync(connection, claim, cancellationToken);
            if (batch.Count == 0)
            {
                return 0;
            }

            try
            {
                if (batch.Exists(e => e.Broadcast))
                {
                    await PublishAsync(connection, cancellationToken);
                }

                var direct = batch.FindAll(e => !e.Broadcast);
                if (direct.Count > 0)
                {
                    await DispatchBatchAsync(connection, claim, direct, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Graceful shutdown: hand the unfinished claim back at once instead of waiting for its lease.
                await ReleaseClaimAsync(claim);
                throw;
            }

            return batch.Count;
        }
        finally
        {
            node.InFlightClaims.TryRemove(claim, out _);
        }
    }

    private async Task<List<Envelope>> ClaimAsync(NpgsqlConnection connection, Guid claim, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_sql.Claim, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = node.NodeNumber });
        command.Parameters.Add(new NpgsqlParameter { Value = claim });
        command.Parameters.Add(new NpgsqlParameter { Value = _options.Relay.ClaimLease });
        command.Parameters.Add(new NpgsqlParameter { Value = _options.Relay.BatchSize });
        var batch = new List<Envelope>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                batch.Add(ReadEnvelope(reader));
            }
        }

        batch.Sort(static (a, b) => a.Seq.CompareTo(b.Seq));
        return batch;
    }

    /// <summary>
    /// Moves every due broadcast (the claimed ones and any other node's) to the broadcasts table in outbox
    /// order, under a transaction-level advisory lock: broadcast sequence numbers are then allocated in commit
    /// order, so receivers never skip one, and broadcasts committed one after another keep their order even
    /// when several nodes relay.
    /// </summary>
    private async Task PublishAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(_sql.Publish, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task ReleaseClaimAsync(Guid claim)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await using var command = database.RelayDataSource.CreateCommand(_sql.ReleaseClaim);
            command.Parameters.Add(new NpgsqlParameter { Value = claim });
            await command.ExecuteNonQueryAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException)
        {
            // The lease expires on its own.
            MessagingLog.RelayFailed(logger, exception);
        }
    }

    private void ScheduleWake(TimeSpan delay)
    {
        var at = Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency);
        long current;
        do
        {
            current = Interlocked.Read(ref _nextRetryTimestamp);
            if (current <= at)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _nextRetryTimestamp, at, current) != current);
    }
}
