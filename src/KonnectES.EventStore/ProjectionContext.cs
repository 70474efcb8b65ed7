using Npgsql;

namespace KonnectES.EventStore;

/// <summary>
/// The database session a projection or append participant writes through.
/// </summary>
public sealed class ProjectionContext
{
    internal ProjectionContext(NpgsqlConnection connection, NpgsqlTransaction transaction, bool isRebuild)
    {
        Connection = connection;
        Transaction = transaction;
        IsRebuild = isRebuild;
    }

    /// <summary>The open connection.</summary>
    public NpgsqlConnection Connection { get; }

    /// <summary>The transaction that also stores the events (inline) or the checkpoint (async).</summary>
    public NpgsqlTransaction Transaction { get; }

    /// <summary>
    /// Commands added here run in one round trip after every projection has been applied, before commit.
    /// </summary>
    public NpgsqlBatch Batch => _batch ??= new NpgsqlBatch(Connection, Transaction);

    /// <summary>True while a projection is being rebuilt from the first event.</summary>
    public bool IsRebuild { get; }

    private NpgsqlBatch? _batch;

    /// <summary>Adds a command to <see cref="Batch"/>.</summary>
    public NpgsqlBatchCommand AddCommand(string sql, params object?[] positionalParameters)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(positionalParameters);
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in positionalParameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        Batch.BatchCommands.Add(command);
        return command;
    }

    internal async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch is { BatchCommands.Count: > 0 } batch)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
            batch.BatchCommands.Clear();
        }
    }

    internal async ValueTask DisposeBatchAsync()
    {
        if (_batch is not null)
        {
            await _batch.DisposeAsync();
            _batch = null;
        }
    }
}
