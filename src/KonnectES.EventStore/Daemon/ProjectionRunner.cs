using System.Data;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace KonnectES.EventStore.Daemon;

/// <summary>
/// Runs one async projection while this process holds its session advisory lock. Reads, read-model writes
/// and checkpoints all go through the session that holds the lock, so a process that lost the lock (its
/// session died) can no longer write anything: at most one runner per projection, cluster-wide.
/// </summary>
internal sealed partial class ProjectionRunner(
    IProjection projection, EventStoreImpl store, WakeSignal wake, WakeSignal progress, ILogger logger)
{
    private readonly Channel<RebuildRequest> _rebuilds = Channel.CreateUnbounded<RebuildRequest>();
    private readonly Lock _checkpointLock = new();
    private volatile bool _isOwner;
    private Position _checkpoint;

    public string Name => projection.Name;

    public bool IsOwner => _isOwner;

    /// <summary>The last position applied by this process (meaningful while <see cref="IsOwner"/>).</summary>
    public Position Checkpoint
    {
        // A Position is two words: read and written under a lock so no reader sees half of an update.
        get
        {
            lock (_checkpointLock)
            {
                return _checkpoint;
            }
        }

        private set
        {
            lock (_checkpointLock)
            {
                _checkpoint = value;
            }
        }
    }

    /// <summary>Completes each time this runner finished reading a page (tests use it to observe a pass without sleeping).</summary>
    internal WakeSignal ReadPassed { get; } = new();

    private ProjectionDaemonOptions Options => store.Options.Daemon;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var session = await store.SessionDataSource.OpenConnectionAsync(stoppingToken);
                if (!await LockAsync(session, store.Sql.TryLock, stoppingToken))
                {
                    await WaitForLeaseRetryAsync(stoppingToken);
                    continue;
                }

                try
                {
                    _isOwner = true;
                    failures = 0;
                    await RunOwnedAsync(session, stoppingToken);
                }
                finally
                {
                    _isOwner = false;
                    if (session.State == ConnectionState.Open)
                    {
                        await TryUnlockAsync(session);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                EventStoreLog.RunnerFailed(logger, exception, Name);
                failures++;
                await ProjectionDaemon.DelayAsync(TimeSpan.FromMilliseconds(Math.Min(5000, 100 * (1 << Math.Min(failures, 6)))), stoppingToken);
            }
        }
    }

    public async Task RebuildAsync(IProgress<RebuildProgress>? reporter, CancellationToken cancellationToken)
    {
        var request = new RebuildRequest(reporter, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _rebuilds.Writer.WriteAsync(request, cancellationToken);
        wake.Pulse();
        await request.Completion.Task.WaitAsync(cancellationToken);
    }

    private async Task RunOwnedAsync(NpgsqlConnection session, CancellationToken stoppingToken)
    {
        Checkpoint = await LoadCheckpointAsync(session, stoppingToken);
        EventStoreLog.ProjectionAcquired(logger, Name, Checkpoint);
        while (true)
        {
            stoppingToken.ThrowIfCancellationRequested();
            if (_rebuilds.Reader.TryRead(out var request))
            {
                await RebuildOwnedAsync(session, request, stoppingToken);
                continue;
            }

            var next = wake.Next;
            var page = await store.ReadPageAsync(session, Checkpoint, Options.PageSize, stoppingToken);
            ReadPassed.Pulse();
            if (page.Count > 0)
            {
                await ProcessPageAsync(session, Decode(page), isRebuild: false, stoppingToken);
                continue;
            }

            await Task.WhenAny(next, Task.Delay(Options.PollInterval, stoppingToken));
        }
    }

    private async Task WaitForLeaseRetryAsync(CancellationToken stoppingToken)
    {
        // A rebuild request does not hurry the takeover: the lock holder elsewhere must go first.
        await ProjectionDaemon.DelayAsync(Options.LeaseRetryInterval, stoppingToken);
    }

    private async Task<bool> LockAsync(NpgsqlConnection session, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, session);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = store.Sql.LockKey(Name), NpgsqlDbType = NpgsqlDbType.Text });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task TryUnlockAsync(NpgsqlConnection session)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await LockAsync(session, store.Sql.Unlock, timeout.Token);
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or InvalidOperationException)
        {
            // Closing the unpooled session releases the lock anyway.
        }
    }

    private async Task<Position> LoadCheckpointAsync(NpgsqlConnection session, CancellationToken cancellationToken)
    {
        await using (var ensure = new NpgsqlCommand(store.Sql.EnsureProgress, session))
        {
            ensure.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Name, NpgsqlDbType = NpgsqlDbType.Text });
            await ensure.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var load = new NpgsqlCommand(store.Sql.LoadProgress, session);
        load.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Name, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await load.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Position(reader.GetFieldValue<ulong>(0), reader.GetInt64(1));
    }

    private NpgsqlBatchCommand SaveProgressCommand(Position position, bool isRebuild)
    {
        var command = new NpgsqlBatchCommand(store.Sql.SaveProgress);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Name, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<ulong> { TypedValue = position.Transaction, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = position.Sequence, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = isRebuild ? "rebuilding" : "running", NpgsqlDbType = NpgsqlDbType.Text });
        return command;
    }

    private async Task SaveProgressAsync(
        NpgsqlConnection session, NpgsqlTransaction? transaction, Position position, bool isRebuild, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(store.Sql.SaveProgress, session, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Name, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<ulong> { TypedValue = position.Transaction, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = position.Sequence, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = isRebuild ? "rebuilding" : "running", NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
