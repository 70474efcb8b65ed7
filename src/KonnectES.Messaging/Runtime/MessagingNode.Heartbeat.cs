using Npgsql;

namespace KonnectES.Messaging.Runtime;

internal sealed partial class MessagingNode
{
    private const int HousekeepingEveryBeats = 15;

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        await using var command = database.RelayDataSource.CreateCommand(_sql.RegisterNode);
        command.Parameters.Add(new NpgsqlParameter { Value = node.NodeId });
        command.Parameters.Add(new NpgsqlParameter { Value = _options.NodeName });
        node.NodeNumber = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        _registered = true;
        MessagingLog.NodeStarted(logger, node.NodeNumber, _options.NodeName);
    }

    private async Task UnregisterAsync(CancellationToken cancellationToken)
    {
        await using var batch = database.RelayDataSource.CreateBatch();
        batch.BatchCommands.Add(Command(_sql.ReleaseOwn, node.NodeNumber));
        batch.BatchCommands.Add(Command(_sql.Unregister, node.NodeNumber));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        _registered = false;
        MessagingLog.NodeStopped(logger, node.NodeNumber);
    }

    /// <summary>
    /// Heartbeats (re-registering under the same number if another node declared this one dead), renews the
    /// leases of in-flight claims, releases the messages of dead nodes and, now and then, prunes old rows.
    /// </summary>
    private async Task HeartbeatLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.Nodes.HeartbeatInterval);
        var beats = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await BeatAsync(++beats % HousekeepingEveryBeats == 0, stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    MessagingLog.HeartbeatFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task BeatAsync(bool housekeeping, CancellationToken cancellationToken)
    {
        await using var connection = await database.RelayDataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Command(_sql.Heartbeat, node.NodeNumber, node.NodeId, _options.NodeName));
        var claims = node.InFlightClaims.Keys.ToArray();
        if (claims.Length > 0)
        {
            batch.BatchCommands.Add(Command(_sql.RenewClaims, claims, _options.Relay.ClaimLease));
        }

        var release = Command(_sql.ReleaseDeadNodes, _options.Nodes.StaleAfter, node.NodeNumber);
        batch.BatchCommands.Add(release);
        if (housekeeping)
        {
            batch.BatchCommands.Add(Command(_sql.PruneInbox, _options.Relay.InboxRetention));
            batch.BatchCommands.Add(Command(_sql.PruneBroadcasts, _options.Relay.BroadcastRetention));
            batch.BatchCommands.Add(Command(_sql.PruneDeadLetters, _options.Relay.DeadLetterRetention));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        if (release.RecordsAffected > 0)
        {
            MessagingLog.DeadNodesReleased(logger, release.RecordsAffected);
            node.OutboxWake.Pulse();
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
