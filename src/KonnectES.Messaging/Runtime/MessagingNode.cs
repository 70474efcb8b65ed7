using System.Text.Json;
using KonnectES.Messaging.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KonnectES.Messaging.Runtime;

/// <summary>
/// The hosted node: migrates the schema, registers in the nodes table, then runs four loops until stopped —
/// the notification listener, the relay, the broadcast receiver and the heartbeat.
/// </summary>
internal sealed partial class MessagingNode(
    MessagingDatabase database,
    NodeState node,
    Dispatcher dispatcher,
    MessageTracker tracker,
    MessageTypeRegistry registry,
    IOptions<MessagingOptions> options,
    ILogger<MessagingNode> logger) : BackgroundService
{
    private static readonly TimeSpan ListenerStartTimeout = TimeSpan.FromSeconds(10);
    private readonly MessagingOptions _options = options.Value;
    private readonly MessagingSql _sql = database.Sql;
    private readonly TaskCompletionSource _listenerReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _listenerStop = new();
    private Task _listener = Task.CompletedTask;
    private long _broadcastCursor;
    private bool _registered;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolving the registry validates handler registrations before anything runs.
        _ = registry;
        if (_options.MigrateOnStartup)
        {
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var migrate = new NpgsqlCommand(_sql.Migrate, connection, transaction))
            {
                await migrate.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            MessagingLog.Migrated(logger, database.Schema);
        }

        if (_options.RunRelay)
        {
            await RegisterAsync(cancellationToken);

            // A node receives the broadcasts published from now on, not the ones before it started.
            await using (var head = database.DataSource.CreateCommand(_sql.BroadcastHead))
            {
                _broadcastCursor = (long)(await head.ExecuteScalarAsync(cancellationToken))!;
            }

            _listener = Task.Run(() => ListenAsync(_listenerStop.Token), CancellationToken.None);
            try
            {
                await _listenerReady.Task.WaitAsync(ListenerStartTimeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                MessagingLog.ListenerSlow(logger, ListenerStartTimeout);
            }
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.StopAsync(cancellationToken);
        }
        finally
        {
            await _listenerStop.CancelAsync();
            await _listener.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            if (_registered)
            {
                await UnregisterAsync(cancellationToken);
            }
        }
    }

    public override void Dispose()
    {
        _listenerStop.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.RunRelay)
        {
            return Task.CompletedTask;
        }

        return Task.WhenAll(
            Task.Run(() => RelayLoopAsync(stoppingToken), CancellationToken.None),
            Task.Run(() => BroadcastLoopAsync(stoppingToken), CancellationToken.None),
            Task.Run(() => HeartbeatLoopAsync(stoppingToken), CancellationToken.None));
    }

    private static Envelope ReadEnvelope(NpgsqlDataReader reader)
    {
        var headers = reader.IsDBNull(6)
            ? (IReadOnlyDictionary<string, string>)new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(6)) ?? [];
        return new Envelope(
            reader.GetInt64(0),
            reader.GetGuid(1),
            reader.GetString(2),
            reader.GetFieldValue<byte[]>(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            headers,
            reader.GetBoolean(7),
            reader.GetInt32(8));
    }

    private static async Task IgnoreCancellationAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
        }
    }
}
