using Npgsql;

namespace KonnectES.Messaging.Runtime;

internal sealed partial class MessagingNode
{
    /// <summary>
    /// One dedicated, unpooled connection that LISTENs for both channels; reconnects with backoff and pulses
    /// both loops after every (re)connect, since notifications sent while disconnected are lost.
    /// </summary>
    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(database.ListenerConnectionString);
                await connection.OpenAsync(cancellationToken);
                connection.Notification += (_, e) =>
                {
                    if (e.Channel == _sql.OutboxChannel)
                    {
                        node.OutboxWake.Pulse();
                    }
                    else
                    {
                        node.BroadcastWake.Pulse();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN \"{_sql.OutboxChannel}\"; LISTEN \"{_sql.BroadcastChannel}\"", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                failures = 0;
                MessagingLog.ListenerConnected(logger, _sql.OutboxChannel, _sql.BroadcastChannel);
                _listenerReady.TrySetResult();
                node.OutboxWake.Pulse();
                node.BroadcastWake.Pulse();
                while (true)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(100 * (1 << Math.Min(failures, 6)), 5_000));
                MessagingLog.ListenerFailed(logger, exception, delay);
                await IgnoreCancellationAsync(Task.Delay(delay, cancellationToken));
            }
        }
    }
}
