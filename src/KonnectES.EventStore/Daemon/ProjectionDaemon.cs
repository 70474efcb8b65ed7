using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace KonnectES.EventStore.Daemon;

/// <summary>
/// Runs one <see cref="ProjectionRunner"/> per async projection and a LISTEN connection that wakes them.
/// </summary>
internal sealed class ProjectionDaemon : BackgroundService, IProjectionDaemon
{
    private readonly EventStoreImpl _store;
    private readonly WakeSignal _wake;
    private readonly WakeSignal _progress = new();
    private readonly ILogger<ProjectionDaemon> _logger;
    private readonly Dictionary<string, ProjectionRunner> _runners;
    private volatile bool _running;

    public ProjectionDaemon(EventStoreImpl store, WakeSignal wake, ILogger<ProjectionDaemon> logger)
    {
        _store = store;
        _wake = wake;
        _logger = logger;
        _runners = store.Catalog.Async.ToDictionary(
            p => p.Name, p => new ProjectionRunner(p, store, wake, _progress, logger), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> RunningProjections => [.. _runners.Values.Where(r => r.IsOwner).Select(r => r.Name)];

    internal ProjectionRunner Runner(string name) => _runners[name];

    public async Task WaitForNonStaleAsync(Position position, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (_runners.Count == 0)
        {
            return;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var names = _runners.Keys.ToArray();
        IReadOnlyList<string> lagging = names;
        try
        {
            while (true)
            {
                var next = _progress.Next;
                lagging = await LaggingAsync(names, position, deadline.Token);
                if (lagging.Count == 0)
                {
                    return;
                }

                await Task.WhenAny(next, Task.Delay(_store.Options.Daemon.PollInterval, deadline.Token));
                deadline.Token.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Projections not caught up to {position} within {timeout}: {string.Join(", ", lagging)}.");
        }
    }

    public Task RebuildAsync(string projection, IProgress<RebuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projection);
        if (!_runners.TryGetValue(projection, out var runner))
        {
            throw new ArgumentException($"No async projection is named '{projection}'.", nameof(projection));
        }

        if (!_running)
        {
            throw new InvalidOperationException("The projection daemon does not run in this process (EventStoreOptions.Daemon.Enabled).");
        }

        return runner.RebuildAsync(progress, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_store.Options.Daemon.Enabled || _runners.Count == 0)
        {
            return;
        }

        _running = true;
        try
        {
            var loops = _runners.Values.Select(r => r.RunAsync(stoppingToken)).Append(ListenAsync(stoppingToken));
            await Task.WhenAll(loops);
        }
        finally
        {
            _running = false;
        }
    }

    private async Task<IReadOnlyList<string>> LaggingAsync(string[] names, Position position, CancellationToken cancellationToken)
    {
        // Projections this process runs answer from memory (their checkpoint is set after its commit);
        // only the others are looked up in the progress table.
        names = [.. names.Where(n => !(_runners[n].IsOwner && _runners[n].Checkpoint >= position))];
        if (names.Length == 0)
        {
            return [];
        }

        await using var command = _store.DataSource.CreateCommand(_store.Sql.AllProgress);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = names, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var caughtUp = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (new Position(reader.GetFieldValue<ulong>(1), reader.GetInt64(2)) >= position)
            {
                caughtUp.Add(reader.GetString(0));
            }
        }

        return [.. names.Where(n => !caughtUp.Contains(n))];
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _store.SessionDataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => _wake.Pulse();
                await using (var listen = new NpgsqlCommand($"LISTEN {_store.Sql.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Anything appended while the listener was down is found by this catch-up.
                _wake.Pulse();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException or IOException or InvalidOperationException)
            {
                EventStoreLog.ListenerFailed(_logger, exception);
                await DelayAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    internal static async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the caller's loop checks the token.
        }
    }
}
