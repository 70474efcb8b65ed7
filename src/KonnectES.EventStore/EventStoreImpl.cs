using KonnectES.EventStore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KonnectES.EventStore;

/// <summary>
/// The PostgreSQL event store. Data sources are built on first use, so a host may supply the connection
/// string from a component that starts later than the container is built.
/// </summary>
internal sealed partial class EventStoreImpl : IEventStore, IAsyncDisposable, IDisposable
{
    private readonly IOptions<EventStoreOptions> _options;
    private readonly ProjectionCatalog _catalog;
    private readonly IAppendParticipant[] _participants;
    private readonly WakeSignal _wake;
    private readonly ILogger<EventStoreImpl> _logger;
    private readonly Lazy<Runtime> _runtime;
    private int _notifyPending;

    public EventStoreImpl(
        IOptions<EventStoreOptions> options,
        ProjectionCatalog catalog,
        IEnumerable<IAppendParticipant> participants,
        WakeSignal wake,
        ILogger<EventStoreImpl> logger)
    {
        _options = options;
        _catalog = catalog;
        _participants = [.. participants];
        _wake = wake;
        _logger = logger;
        _runtime = new Lazy<Runtime>(CreateRuntime, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public NpgsqlDataSource DataSource => _runtime.Value.DataSource;

    /// <summary>Unpooled sessions for leadership locks and LISTEN: closing them really ends the session.</summary>
    internal NpgsqlDataSource SessionDataSource => _runtime.Value.SessionDataSource;

    internal EventStoreSql Sql => _runtime.Value.Sql;

    internal EventSerializer Serializer => _runtime.Value.Serializer;

    internal EventStoreOptions Options => _options.Value;

    internal ProjectionCatalog Catalog => _catalog;

    public Task EnsureSchemaAsync(CancellationToken cancellationToken = default) =>
        SchemaMigrator.MigrateAsync(DataSource, Sql.Schema, _logger, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_runtime.IsValueCreated)
        {
            await _runtime.Value.DataSource.DisposeAsync();
            await _runtime.Value.SessionDataSource.DisposeAsync();
        }
    }

    public void Dispose()
    {
        if (_runtime.IsValueCreated)
        {
            _runtime.Value.DataSource.Dispose();
            _runtime.Value.SessionDataSource.Dispose();
        }
    }

    /// <summary>Wakes local daemons now and other processes' daemons through one coalesced NOTIFY.</summary>
    private void SignalAppended()
    {
        _wake.Pulse();
        if (Interlocked.Exchange(ref _notifyPending, 1) == 0)
        {
            _ = SendNotifyAsync();
        }
    }

    private async Task SendNotifyAsync()
    {
        try
        {
            await Task.Delay(Options.Daemon.NotifyCoalescing);
            Volatile.Write(ref _notifyPending, 0);
            await using var command = DataSource.CreateCommand(Sql.Notify);
            await command.ExecuteNonQueryAsync();
        }
        catch (ObjectDisposedException)
        {
            // The store is shutting down.
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            Volatile.Write(ref _notifyPending, 0);
            EventStoreLog.NotifyFailed(_logger, exception);
        }
    }

    private Runtime CreateRuntime()
    {
        var options = _options.Value;
        var pooled = new NpgsqlDataSourceBuilder(options.ConnectionString);

        // Appends and reads run as prepared statements on every pooled connection.
        pooled.ConnectionStringBuilder.MaxAutoPrepare = Math.Max(pooled.ConnectionStringBuilder.MaxAutoPrepare, 64);
        pooled.ConnectionStringBuilder.AutoPrepareMinUsages = 2;

        // The store never leaves session state on pooled connections (locks and LISTEN use unpooled sessions),
        // so skip the reset Npgsql otherwise sends on every reuse: it costs about as much as a small insert.
        pooled.ConnectionStringBuilder.NoResetOnClose = true;
        var sessions = new NpgsqlDataSourceBuilder(options.ConnectionString);
        sessions.ConnectionStringBuilder.Pooling = false;
        sessions.ConnectionStringBuilder.KeepAlive = 30;
        sessions.ConnectionStringBuilder.MaxAutoPrepare = 16;
        return new Runtime(
            pooled.Build(),
            sessions.Build(),
            new EventStoreSql(options.Schema),
            new EventSerializer(options.Events, options.SerializerOptions));
    }

    private sealed record Runtime(NpgsqlDataSource DataSource, NpgsqlDataSource SessionDataSource, EventStoreSql Sql, EventSerializer Serializer);
}
